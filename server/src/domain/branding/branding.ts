// The organisation's look: a logo in the header of every page and custom CSS after ours. The logo must be a PNG
// or JPEG (checked by its bytes; no SVG, which could carry script), at most 200 KB.
import { eq } from 'drizzle-orm';
import { branding } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { invalidInput } from '../errors';

const ROW = 1;
export const MAX_LOGO_BYTES = 200 * 1024;
export const MAX_CSS_CHARS = 50_000;

export async function getBranding(ctx: Pick<Ctx, 'db'>) {
  const [row] = await ctx.db.select().from(branding).where(eq(branding.id, ROW));
  return { logo: row?.logoSha256 ? { sha256: row.logoSha256, contentType: row.logoContentType ?? 'image/png' } : null, customCss: row?.customCss ?? '', updatedAt: row?.updatedAt ?? null };
}

function logoType(bytes: Uint8Array): string | null {
  if (bytes.length > 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

export async function updateBranding(ctx: Ctx, input: { logo?: Uint8Array | null; customCss?: string }): Promise<void> {
  requireAdminActor(ctx);
  let logo: { sha256: string; contentType: string } | null | undefined;
  if (input.logo) {
    if (input.logo.byteLength > MAX_LOGO_BYTES) throw invalidInput(`The logo may be at most ${MAX_LOGO_BYTES / 1024} KB`, 'logo');
    const contentType = logoType(input.logo);
    if (!contentType) throw invalidInput('The logo must be a PNG or JPEG image', 'logo');
    logo = { sha256: '', contentType };
  } else if (input.logo === null) logo = null;
  if (input.customCss !== undefined && input.customCss.length > MAX_CSS_CHARS) throw invalidInput(`Custom CSS may be at most ${MAX_CSS_CHARS} characters`, 'customCss');

  await inTransaction(ctx, async (tx) => {
    if (logo && input.logo) logo.sha256 = await tx.blobs.put(tx.db, input.logo);
    const values = {
      ...(logo !== undefined ? { logoSha256: logo?.sha256 ?? null, logoContentType: logo?.contentType ?? null } : {}),
      ...(input.customCss !== undefined ? { customCss: input.customCss } : {}),
      updatedAt: tx.clock(),
    };
    await tx.db.insert(branding).values({ id: ROW, ...values }).onConflictDoUpdate({ target: branding.id, set: values });
    await recordAdminEvent(tx, {
      action: 'branding_changed',
      details: { logo: logo === undefined ? 'unchanged' : logo ? `${logo.contentType}, ${input.logo!.byteLength} bytes` : 'removed', customCss: input.customCss === undefined ? 'unchanged' : `${input.customCss.length} characters` },
    });
  });
}

/** The stylesheet every page links after ours: the admin's CSS, and the logo in the header when there is one. */
export async function brandingStylesheet(ctx: Pick<Ctx, 'db'>): Promise<string> {
  const b = await getBranding(ctx);
  const logo = b.logo
    ? `header.top .brand .brand-mark { display: none; }\nheader.top .brand::before { content: ''; display: inline-block; width: 120px; height: 32px; background: url(/branding/logo?v=${b.logo.sha256.slice(0, 12)}) no-repeat left center / contain; }\n`
    : '';
  return `/* Branding (Admin → Branding) */\n${logo}${b.customCss}\n`;
}
