// What every domain function receives: the database (or the open transaction), the clock, configuration,
// secrets and, per request, who acts and from where. Tests build their own.
import type { Privilege } from '@secure-signature/shared';
import type { Config } from '../config/config';
import type { Db } from '../db/database';
import type { Logger } from '../logger';
import type { BlobStore } from '../storage/blob-store';
import type { Secrets } from './secrets';

export interface UserActor {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  /** Own and group privileges (user/actor.ts); `can()` also grants everything to administrators. */
  privileges: Privilege[];
}

export interface AppContext {
  db: Db;
  config: Config;
  secrets: Secrets;
  blobs: BlobStore;
  clock: () => Date;
  log: Logger;
}

export interface Ctx extends AppContext {
  /** The signed-in user, when there is one. */
  actor?: UserActor;
  /** The client's address, for the audit trail. */
  ip?: string;
}

/** Runs `fn` in one transaction; the ctx it receives writes through that transaction. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

export function requireActor(ctx: Ctx): UserActor {
  if (!ctx.actor) throw new Error('domain function called without an actor');
  return ctx.actor;
}
