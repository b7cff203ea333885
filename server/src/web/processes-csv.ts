// The filtered process list as CSV for spreadsheets: one row per process, RFC 4180 quoting, and cells that a
// spreadsheet would run as a formula are defused.
import type { ProcessSearchResult } from '@secure-signature/shared';

const cell = (value: string | number | null) => {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function processesCsv(result: ProcessSearchResult): string {
  const header = ['id', 'created', 'component', 'status', 'title', 'sender', 'signers', 'signed', 'completed', 'blocks'];
  const rows = result.processes.map((p) => [p.id, p.createdAt, p.component, p.status, p.title, p.sender.email, p.signerCount, p.signedCount, p.completedAt, p.blockCount]);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
