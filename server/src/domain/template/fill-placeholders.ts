// Puts values into an admin's template text: {{name}} becomes the value, once (a value that itself contains
// braces is not read again). The names were checked when the template was saved.
export const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}
