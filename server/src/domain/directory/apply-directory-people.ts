// Brings the users table in step with what a directory said, in one transaction: new people become users, changed
// ones are updated, people the directory disabled or no longer has are disabled (locked, with `disabled_at`) and
// never deleted, so their processes and audit history stay. Records the outcome and the admin audit event.
import { randomUUID } from 'node:crypto';
import { defaultPrivileges } from '@secure-signature/shared';
import { eq } from 'drizzle-orm';
import { adminAuditEvents, directorySyncs, groups, users } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import type { DirectoryPerson, DirectorySource, DirectorySyncResult } from './directory-person';
import { parseGroupMapping } from './parse-group-mapping';
import { saveRecipientCertificate } from '../secure-mail/save-recipient-certificate';
import { DomainError } from '../errors';

export interface ApplyInput {
  source: DirectorySource;
  people: DirectoryPerson[];
  /** The people are the whole directory: anyone of this source missing from them vanished. */
  complete: boolean;
  /** Ids the directory reported removed (Entra delta). */
  removedIds?: string[];
  /** The mapped groups of every person (directory id → group keys), when known beyond `people` (Entra delta runs
   *  list only changed people, but group membership is read whole). */
  memberships?: Map<string, string[]>;
  groupMapping: string[];
  /** Problems met while reading, shown with the result. */
  readErrors: string[];
  /** Where the next run continues (Entra delta link); undefined keeps the stored one. */
  deltaLink?: string | null;
  /** Who asked for the run (an admin's email), or undefined for the schedule. */
  requestedBy?: string;
  startedAt: Date;
}

type UserRow = typeof users.$inferSelect;

export async function applyDirectoryPeople(ctx: Ctx, input: ApplyInput): Promise<DirectorySyncResult> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock();
    // One run at a time per source: the scheduled and an admin's run wait for each other here.
    await tx.db.insert(directorySyncs).values({ source: input.source }).onConflictDoNothing();
    await tx.db.select().from(directorySyncs).where(eq(directorySyncs.source, input.source)).for('update');

    const result: DirectorySyncResult = { created: 0, updated: 0, disabled: 0, unchanged: 0, errors: [...input.readErrors] };
    const createdEmails: string[] = [];
    const disabledEmails: string[] = [];
    const groupIds = new Map((await tx.db.select({ id: groups.id, name: groups.name }).from(groups)).map((g) => [g.name.toLowerCase(), g.id]));
    const mapping = parseGroupMapping(input.groupMapping).flatMap((m) => {
      const id = groupIds.get(m.groupName.toLowerCase());
      if (!id) result.errors.push(`Group mapping: there is no group named ${m.groupName}`);
      return id ? [{ key: m.key, groupId: id }] : [];
    });

    const all = await tx.db.select().from(users);
    const byDirectoryId = new Map(all.filter((u) => u.directorySource === input.source && u.directoryId).map((u) => [u.directoryId!, u]));
    const byEmail = new Map(all.map((u) => [u.email, u]));
    const byUsername = new Map(all.filter((u) => u.username).map((u) => [u.username!.toLowerCase(), u]));
    const seen = new Set<string>();

    const disable = async (u: UserRow) => {
      await tx.db.update(users).set({ locked: true, disabledAt: now }).where(eq(users.id, u.id));
      result.disabled++;
      disabledEmails.push(u.email);
    };

    for (const person of input.people) {
      seen.add(person.directoryId);
      const linked = byDirectoryId.get(person.directoryId);
      // An account made here before the sync (same email, no directory) is adopted rather than duplicated.
      const adopted = !linked && byEmail.get(person.email)?.directorySource == null ? byEmail.get(person.email) : undefined;
      const existing = linked ?? adopted;
      const holder = byEmail.get(person.email);
      if (holder && holder !== existing) {
        result.errors.push(`${person.email}: another account has this email already`);
        continue;
      }
      let username = person.username;
      const nameHolder = username ? byUsername.get(username.toLowerCase()) : undefined;
      if (nameHolder && nameHolder !== existing) {
        result.errors.push(`${person.email}: the username ${username} belongs to another account`);
        username = existing?.username ?? null;
      }
      const matched = mapping.find((m) => person.groupKeys.includes(m.key));
      // With a mapping the directory decides the group; without one the admin does.
      const groupId = mapping.length > 0 || input.groupMapping.length > 0 ? (matched?.groupId ?? null) : undefined;

      if (!existing) {
        const row = {
          id: randomUUID(),
          email: person.email,
          username,
          name: person.name,
          // No password: people with a phone sign in with a PIN by SMS, the others set a password on first sign-in
          // through the reset link.
          passwordHash: null,
          privileges: defaultPrivileges,
          groupId: groupId ?? null,
          phone: person.phone,
          authMethod: person.phone ? ('sms_pin' as const) : ('password' as const),
          directorySource: input.source,
          directoryId: person.directoryId,
          locked: person.disabled,
          disabledAt: person.disabled ? now : null,
          createdAt: now,
        };
        await tx.db.insert(users).values(row);
        const inserted = { ...(row as unknown as UserRow) };
        byEmail.set(row.email, inserted);
        if (username) byUsername.set(username.toLowerCase(), inserted);
        result.created++;
        createdEmails.push(row.email);
        continue;
      }

      const changes: Partial<UserRow> = {};
      const set = <K extends keyof UserRow>(key: K, value: UserRow[K]) => {
        if (existing[key] !== value) changes[key] = value;
      };
      set('email', person.email);
      set('name', person.name);
      set('username', username);
      set('phone', person.phone);
      if (existing.authMethod !== 'username_only') set('authMethod', person.phone ? 'sms_pin' : 'password');
      if (groupId !== undefined) set('groupId', groupId);
      set('directorySource', input.source);
      set('directoryId', person.directoryId);
      const disabling = person.disabled && !existing.disabledAt;
      if (!person.disabled && existing.disabledAt) Object.assign(changes, { locked: false, disabledAt: null });
      if (Object.keys(changes).length > 0) {
        await tx.db.update(users).set(changes).where(eq(users.id, existing.id));
        byEmail.delete(existing.email);
        byEmail.set(person.email, existing);
        if (username) byUsername.set(username.toLowerCase(), existing);
      }
      if (disabling) await disable(existing);
      if (Object.keys(changes).length > 0) result.updated++;
      else if (!disabling) result.unchanged++;
    }

    if (input.memberships && input.groupMapping.length > 0) {
      for (const u of byDirectoryId.values()) {
        if (seen.has(u.directoryId!)) continue;
        const keys = input.memberships.get(u.directoryId!) ?? [];
        const groupId = mapping.find((m) => keys.includes(m.key))?.groupId ?? null;
        if (u.groupId === groupId) continue;
        await tx.db.update(users).set({ groupId }).where(eq(users.id, u.id));
        result.updated++;
      }
    }

    // Certificates the directory publishes let final documents go S/MIME-encrypted to these people.
    for (const person of input.people) {
      if (person.disabled || !person.certificates?.length || result.errors.some((e) => e.startsWith(`${person.email}:`))) continue;
      const problems: string[] = [];
      for (const certificate of person.certificates) {
        try {
          await saveRecipientCertificate(tx, { email: person.email, certificate, source: 'directory' });
          problems.length = 0;
          break;
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          problems.push(err.message);
        }
      }
      if (problems.length > 0) result.errors.push(`${person.email}: no userCertificate can be used for encryption (${problems[0]})`);
    }

    const removed = new Set(input.removedIds ?? []);
    for (const u of byDirectoryId.values()) {
      if (u.disabledAt || seen.has(u.directoryId!)) continue;
      if (input.complete || removed.has(u.directoryId!)) await disable(u);
    }

    const finished = tx.clock();
    await tx.db
      .update(directorySyncs)
      .set({ lastStartedAt: input.startedAt, lastFinishedAt: finished, lastResult: result, ...(input.deltaLink !== undefined ? { deltaLink: input.deltaLink } : {}) })
      .where(eq(directorySyncs.source, input.source));
    await tx.db.insert(adminAuditEvents).values({
      actor: input.requestedBy ?? `directory sync (${input.source}, scheduled)`,
      action: 'directory_synced',
      details: { source: input.source, ...result, createdUsers: createdEmails.slice(0, 100), disabledUsers: disabledEmails.slice(0, 100) },
      ip: null,
      createdAt: finished,
    });
    return result;
  });
}

