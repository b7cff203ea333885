// The Outlook task pane's files (Vite's build of addin/, framed by Outlook), and the sign-in dialog the pane
// opens when Entra single sign-on is not available: sign in to the web UI, then hand the pane an API token.
import { Hono, type MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { issueApiToken } from '../../domain/token/issue-api-token';
import { AddinConnectPage } from '../../web/addin-connect-page';
import { ADDIN_DIST, addinBuilt } from '../addin-build';
import type { AppEnv } from '../env';
import { requireSession } from '../middleware/session-auth';
import { page } from './html';

const OFFICE_JS = 'https://appsforoffice.microsoft.com';
/** Outlook on the web and the new Outlook show the pane in a frame of these sites. */
const OUTLOOK_FRAMES = "'self' https://*.office.com https://*.office365.com https://*.outlook.com https://outlook.live.com https://*.officeapps.live.com https://*.cloud.microsoft";

/** The pane's policy: our scripts plus office.js from Microsoft's CDN, and framing by Outlook only. */
const paneHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self' ${OFFICE_JS}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; ` +
      `connect-src 'self' https://login.microsoftonline.com; frame-src ${OFFICE_JS} https://login.microsoftonline.com; frame-ancestors ${OUTLOOK_FRAMES}; form-action 'self'`,
  );
  // Revalidate on every load (Last-Modified): a new deployment reaches every Outlook at once. A page that set its
  // own (the dialog with a token: no-store) keeps it.
  if (c.res.ok && !c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
};

/** The sign-in dialog: GET asks to connect, POST issues the token and passes it to the pane through office.js. */
export const addinConnectPages = new Hono<AppEnv>()
  .use(paneHeaders, requireSession)
  .get('/', (c) => page(c, <AddinConnectPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} />))
  .post('/', async (c) => {
    const issued = await issueApiToken(c.var.ctx, { label: 'Outlook add-in' });
    c.header('Cache-Control', 'no-store');
    return page(c, <AddinConnectPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} token={issued.token} />, 201);
  });

export const addinFiles = new Hono<AppEnv>().use(
  paneHeaders,
  async (_c, next) => {
    if (!addinBuilt()) throw new DomainError('not_found', 'The Outlook task pane is not built on this server: run npm run build -w addin');
    await next();
  },
  serveStatic({ root: ADDIN_DIST, rewriteRequestPath: (path) => path.replace(/^\/addin/, '') }),
);
