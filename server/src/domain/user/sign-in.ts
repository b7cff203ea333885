// The first step of every browser sign-in, as the account's method says: a password; a one-time PIN sent by SMS
// (then verifyLoginPin); or the username alone, accepted only from the user's allowed addresses (ctx.ip, which
// honours X-Forwarded-For only behind a trusted proxy) and from anywhere else only with the password.
import type { Ctx, UserActor } from '../context';
import { DomainError } from '../errors';
import { toActor } from './actor';
import { authenticatePassword } from './authenticate-password';
import { findLoginUser } from './find-login-user';
import { ipAllowed } from './ip-allowed';
import { sendLoginPin } from './send-login-pin';

export async function signIn(ctx: Ctx, input: { login: string; password: string }): Promise<{ actor: UserActor } | { pinSentTo: string }> {
  const found = await findLoginUser(ctx, input);
  const user = found?.user;
  if (user?.locked) throw new DomainError('forbidden', 'This account is locked; ask an administrator');
  if (user?.authMethod === 'sms_pin') return { pinSentTo: await sendLoginPin(ctx, { user }) };
  if (user?.authMethod === 'username_only' && ipAllowed(ctx.ip, user.allowedIps)) {
    ctx.log.info('signed in with the username from an allowed address', { userId: user.id });
    return { actor: toActor({ ...user, own: user.privileges, fromGroup: found!.fromGroup }) };
  }
  if (!input.password) {
    throw new DomainError('unauthorized', user?.authMethod === 'username_only' ? 'Enter your password: the username alone works only from your organisation\'s network' : 'Enter your password');
  }
  return { actor: await authenticatePassword(ctx, input) };
}
