// The Hono environment every route shares: the per-request domain context and, for browser sessions, the CSRF token.
import type { Ctx } from '../domain/context';

export interface AppEnv {
  Variables: {
    ctx: Ctx;
    csrfToken?: string;
    sessionToken?: string;
    /** Set by hono's language detector on the signer's pages. */
    language?: string;
  };
}
