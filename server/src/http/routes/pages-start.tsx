// /start: the start form in the web UI, the same React components as the Outlook pane.
import { Hono } from 'hono';
import { requireActor } from '../../domain/context';
import { can } from '../../domain/user/actor';
import { DomainError } from '../../domain/errors';
import { Layout } from '../../web/layout';
import { addinBuilt, addinEntry } from '../addin-build';
import type { AppEnv } from '../env';
import { requireSession } from '../middleware/session-auth';
import { page } from './html';

export const startPages = new Hono<AppEnv>().use(requireSession).get('/', (c) => {
  if (!can(requireActor(c.var.ctx), 'start_processes')) throw new DomainError('forbidden', 'You may not start signature processes; ask your administrator');
  if (!addinBuilt()) throw new DomainError('not_found', 'The start form is not built on this server: run npm run build -w addin');
  const entry = addinEntry('src/start.tsx');
  const head = (
    <>
      <meta name="csrf-token" content={c.var.csrfToken ?? ''} />
      {entry.styles.map((href) => <link rel="stylesheet" href={href} />)}
      <script type="module" src={entry.script}></script>
    </>
  );
  return page(
    c,
    <Layout title="New process" actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} head={head}>
      <h1>New signature process</h1>
      <div id="start-root" class="start-root"></div>
    </Layout>,
  );
});
