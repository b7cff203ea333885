// Every admin-center operation starts here: the actor must be an administrator.
import { requireActor, type Ctx, type UserActor } from '../context';
import { forbidden } from '../errors';

export function requireAdminActor(ctx: Ctx): UserActor {
  const actor = requireActor(ctx);
  if (!actor.isAdmin) throw forbidden('Only administrators can do that');
  return actor;
}
