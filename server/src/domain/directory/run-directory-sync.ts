// One directory sync (the outbox job "directory-sync", scheduled or asked for by an admin): reads the directory
// outside any transaction, then applies what it said in one. A directory that cannot be read is recorded as the
// run's error (on the admin page and in the admin log) rather than retried: the next run comes on schedule.
import { eq } from 'drizzle-orm';
import { adminAuditEvents, directorySyncs } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { getSettings } from '../settings/get-settings';
import { applyDirectoryPeople, type ApplyInput } from './apply-directory-people';
import type { DirectorySource, DirectorySyncResult } from './directory-person';
import { DirectoryError } from './directory-error';
import { readEntraDirectory } from './read-entra-directory';
import { readLdapDirectory } from './read-ldap-directory';

export async function runDirectorySync(ctx: Ctx, input: { source: DirectorySource; requestedBy?: string }): Promise<DirectorySyncResult> {
  const settings = await getSettings(ctx);
  const startedAt = ctx.clock();
  const common = { source: input.source, requestedBy: input.requestedBy, startedAt };
  let apply: ApplyInput;
  try {
    if (input.source === 'ldap') {
      if (!settings.ldap.enabled) throw new DirectoryError('LDAP sync is switched off');
      const read = await readLdapDirectory(settings.ldap);
      apply = { ...common, people: read.people, complete: true, groupMapping: settings.ldap.groupMapping, readErrors: read.errors };
    } else {
      if (!settings.entraSync.enabled) throw new DirectoryError('Entra ID sync is switched off');
      const [state] = await ctx.db.select({ deltaLink: directorySyncs.deltaLink }).from(directorySyncs).where(eq(directorySyncs.source, 'entra'));
      const read = await readEntraDirectory(settings, { deltaLink: state?.deltaLink ?? null });
      apply = { ...common, ...read, readErrors: read.errors, groupMapping: settings.entraSync.groupMapping };
    }
  } catch (err) {
    if (!(err instanceof DirectoryError)) throw err;
    ctx.log.warn('directory sync failed', { source: input.source, error: err.message });
    return recordFailure(ctx, { ...common, message: err.message });
  }
  return applyDirectoryPeople(ctx, apply);
}

async function recordFailure(ctx: Ctx, input: { source: DirectorySource; requestedBy?: string; startedAt: Date; message: string }): Promise<DirectorySyncResult> {
  const result: DirectorySyncResult = { created: 0, updated: 0, disabled: 0, unchanged: 0, errors: [input.message] };
  await inTransaction(ctx, async (tx) => {
    const values = { lastStartedAt: input.startedAt, lastFinishedAt: tx.clock(), lastResult: result };
    await tx.db.insert(directorySyncs).values({ source: input.source, ...values }).onConflictDoUpdate({ target: directorySyncs.source, set: values });
    await tx.db.insert(adminAuditEvents).values({
      actor: input.requestedBy ?? `directory sync (${input.source}, scheduled)`,
      action: 'directory_sync_failed',
      details: { source: input.source, error: input.message },
      ip: null,
      createdAt: tx.clock(),
    });
  });
  return result;
}
