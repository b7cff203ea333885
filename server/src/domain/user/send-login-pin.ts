// Sends a user who signs in by SMS PIN a one-time code through the outbox: derived from the PIN's id under the
// server secret (never stored), valid for ten minutes, once. At most five an hour, so the phone is not flooded.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { loginPins, type users } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { queueMessage } from '../mail/queue-message';

export const LOGIN_PIN_VALID_MINUTES = 10;
const MAX_PER_HOUR = 5;

/** Returns the end of the phone number the code went to, for the page to name. */
export async function sendLoginPin(ctx: Ctx, input: { user: typeof users.$inferSelect }): Promise<string> {
  const { user } = input;
  if (!user.phone) throw new DomainError('forbidden', 'This account signs in with a PIN by SMS but has no phone number; ask an administrator');
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const [{ n }] = await tx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(loginPins)
      .where(and(eq(loginPins.userId, user.id), gt(loginPins.createdAt, new Date(now.getTime() - 3600_000))));
    if (n >= MAX_PER_HOUR) throw new DomainError('rate_limited', 'Too many codes were sent in the last hour; try again later');
    const id = randomUUID();
    await tx.db.insert(loginPins).values({ id, userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + LOGIN_PIN_VALID_MINUTES * 60_000) });
    await queueMessage(tx, { processId: null, recipient: user.phone!, channel: 'sms', template: 'loginPin', params: { loginPinId: id, validMinutes: LOGIN_PIN_VALID_MINUTES } });
  });
  return `…${user.phone.slice(-4)}`;
}
