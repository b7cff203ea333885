// The built-in outbox an admin reads in the browser: every email, and each one rendered with its links.
import { Hono } from 'hono';
import { requireActor } from '../../domain/context';
import { getMessage, listMessages } from '../../domain/mail/list-messages';
import { OutboxMessagePage, OutboxPage } from '../../web/outbox-page';
import type { AppEnv } from '../env';
import { requireAdmin, requireSession } from '../middleware/session-auth';
import { page } from './html';

const PAGE_SIZE = 50;

export const outboxPages = new Hono<AppEnv>()
  .use(requireSession, requireAdmin)
  .get('/', async (c) => {
    const n = Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1);
    const { total, messages } = await listMessages(c.var.ctx, { limit: PAGE_SIZE, offset: (n - 1) * PAGE_SIZE });
    return page(
      c,
      <OutboxPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} total={total} page={n} pageSize={PAGE_SIZE} messages={messages} smtp={!!c.var.ctx.config.smtpUrl} />,
    );
  })
  .get('/:id', async (c) => {
    const message = await getMessage(c.var.ctx, { messageId: c.req.param('id') });
    return page(c, <OutboxMessagePage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} message={message} />);
  });
