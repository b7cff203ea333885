// The admin's group mapping lines ("<directory group> => <our group name>") as ordered pairs; the first pair a
// person fits decides their group. DNs are compared case-insensitively, without spaces around commas.
export function parseGroupMapping(lines: string[]): { key: string; groupName: string }[] {
  return lines
    .map((line) => line.split('=>'))
    .filter((parts) => parts.length >= 2)
    .map((parts) => ({ key: normalizeDirectoryKey(parts.slice(0, -1).join('=>')), groupName: parts[parts.length - 1].trim() }))
    .filter((m) => m.key && m.groupName);
}

export function normalizeDirectoryKey(key: string): string {
  return key.trim().replace(/\s*,\s*/g, ',').toLowerCase();
}
