// Builds the HTTP application: the same createApp() serves production and the integration tests (app.request).
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { pingDatabase } from '../db/database';
import type { AppContext } from '../domain/context';
import { DomainError } from '../domain/errors';
import type { AppEnv } from './env';
import { handleError } from './error-handler';
import { requestContext } from './middleware/request-context';
import { sameOrigin } from './middleware/same-origin';
import { loadSession } from './middleware/session-auth';
import { apiProcessRoutes } from './routes/api-processes';
import { apiAdminRoutes } from './routes/api-admin';
import { apiTokenRoutes } from './routes/api-tokens';
import { apiStartFormRoutes } from './routes/api-start-form';
import { apiXmlRoutes } from './routes/api-xml';
import { apiFileRoomRoutes } from './routes/api-file-rooms';
import { apiDocsRoutes } from './routes/api-docs';
import { adminPages } from './routes/pages-admin';
import { addinConnectPages, addinFiles } from './routes/pages-addin';
import { startPages } from './routes/pages-start';
import { accountPages } from './routes/pages-account';
import { loginPages, logoutPages } from './routes/pages-auth';
import { passwordResetPages } from './routes/pages-password-reset';
import { outboxPages } from './routes/pages-outbox';
import { processPages } from './routes/pages-processes';
import { signPages } from './routes/pages-sign';
import { downloadPages } from './routes/pages-download';
import { verifyApi, verifyPages } from './routes/verify';
import { manifestRoutes } from './routes/manifest';
import { brandingRoutes } from './routes/branding';
import { pdfjsFiles } from './routes/pdfjs-files';

const css = readFileSync(new URL('../web/app.css', import.meta.url), 'utf8');
const signingJs = readFileSync(new URL('../web/signing.js', import.meta.url), 'utf8');
const pdfViewerJs = readFileSync(new URL('../web/pdf-viewer.js', import.meta.url), 'utf8');

/** Small bodies everywhere except the process upload, which has its own limit. */
const SMALL_BODY = 1024 * 1024;

export function createApp(app: AppContext) {
  const small = bodyLimit({
    maxSize: SMALL_BODY,
    onError: () => {
      throw new DomainError('too_large', 'The request body is too large');
    },
  });
  const api = new Hono<AppEnv>()
    .route('/tokens', new Hono<AppEnv>().use(small).route('/', apiTokenRoutes))
    .route('/processes', apiProcessRoutes({ maxRequestBytes: app.config.maxRequestBytes }))
    .route('/file-rooms', apiFileRoomRoutes({ maxRequestBytes: app.config.maxRequestBytes }))
    .route('/verify', verifyApi(app.config.maxUploadBytes))
    .route('/admin', new Hono<AppEnv>().use(small).route('/', apiAdminRoutes))
    .route('/', new Hono<AppEnv>().use(small).route('/', apiStartFormRoutes));

  // Browser pages: small bodies, same-origin form posts, the session cookie read.
  const web = (pages: Hono<AppEnv>) => new Hono<AppEnv>().use(small, sameOrigin, loadSession).route('/', pages);

  return new Hono<AppEnv>()
    .use(requestContext(app))
    .onError(handleError)
    .notFound((c) => handleError(new DomainError('not_found', 'Page was not found'), c))
    .get('/healthz', async (c) => {
      const ok = await pingDatabase(c.var.ctx.db);
      return c.json({ status: ok ? 'ok' : 'database unavailable' }, ok ? 200 : 503);
    })
    .get('/assets/app.css', (c) => c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }))
    .get('/assets/signing.js', (c) => c.body(signingJs, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }))
    .get('/assets/pdf-viewer.js', (c) => c.body(pdfViewerJs, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }))
    .route('/assets/pdfjs', pdfjsFiles)
    .route('/branding', brandingRoutes)
    .route('/api/v1', api)
    .route('/api/xml', apiXmlRoutes({ maxRequestBytes: app.config.maxRequestBytes }))
    .route('/api', apiDocsRoutes)
    .route('/login', web(loginPages))
    .route('/logout', web(logoutPages))
    .route('/password-reset', web(passwordResetPages))
    .route('/account', web(accountPages))
    .route('/processes', web(processPages))
    .route('/outbox', web(outboxPages))
    .route('/admin', web(adminPages))
    .route('/s', web(signPages))
    .route('/d', web(downloadPages))
    .route('/start', web(startPages))
    .route('/addin/connect', web(addinConnectPages))
    .route('/addin', addinFiles)
    .route('/', manifestRoutes)
    .route('/verify', new Hono<AppEnv>().use(sameOrigin).route('/', verifyPages(app.config.maxUploadBytes)))
    .get('/', loadSession, (c) => c.redirect(c.var.ctx.actor ? '/processes' : '/login', 303));
}
