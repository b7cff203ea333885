// The signing time in the signature dictionary (/M): PAdES B-B keeps it there, not in the CMS.
/** A PDF date, D:YYYYMMDDHHmmSSZ, in UTC. */
export function formatPdfDate(d: Date): string {
  return `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
