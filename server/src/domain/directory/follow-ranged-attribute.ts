// Active Directory returns a large multi-valued attribute (a group's `member`) in ranges: the entry carries
// `member;range=0-1499`, and the client asks for `member;range=1500-*` until a range ends in `*`. Other servers
// return the plain attribute, which is taken as is.
type Attrs = Record<string, unknown>;

const asStrings = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** The attribute's range in an entry: its values and where the next range starts (null: this was the last). */
export function rangeOf(attrs: Attrs, name: string): { values: string[]; next: number | null } | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(attrs)) {
    const k = key.toLowerCase();
    if (k === lower) return { values: asStrings(value), next: null };
    const m = /^([^;]+);range=(\d+)-(\d+|\*)$/.exec(k);
    if (m && m[1] === lower) return { values: asStrings(value), next: m[3] === '*' ? null : Number(m[3]) + 1 };
  }
  return undefined;
}

/** Every value of `name`, asking `fetchRange` (with e.g. "member;range=1500-*") for the ranges still missing. */
export async function followRangedAttribute(first: Attrs, name: string, fetchRange: (attribute: string) => Promise<Attrs>): Promise<string[]> {
  const values: string[] = [];
  let range = rangeOf(first, name);
  for (let guard = 0; range; guard++) {
    values.push(...range.values);
    if (range.next === null) break;
    // A server that keeps answering the same range would loop for ever; 10,000 ranges are 15 million values.
    if (guard > 10_000) throw new Error(`the ${name} attribute never ended`);
    range = rangeOf(await fetchRange(`${name};range=${range.next}-*`), name);
    if (range && range.values.length === 0 && range.next !== null) break;
  }
  return values;
}
