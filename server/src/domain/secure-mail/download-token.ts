// The token of a protected download link: derived from the link's id under the server secret (like signing
// links), so the email can be rendered again, while the database holds only its SHA-256.
import type { Ctx } from '../context';

export const downloadToken = (ctx: Pick<Ctx, 'secrets'>, downloadId: string) => ctx.secrets.mac('secure-download-link', downloadId);
