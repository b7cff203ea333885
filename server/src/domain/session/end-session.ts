// Signs out: the session row is deleted, so the cookie stops working everywhere.
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import type { Ctx } from '../context';
import { hashToken } from '../secrets';

export async function endSession(ctx: Ctx, input: { token: string }): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(input.token)));
}
