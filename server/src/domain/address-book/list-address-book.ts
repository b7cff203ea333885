// The sender's address book for the start form, when the admin has it on: people who were signers of the
// sender's own processes in the admin's number of days (180 by default; most recent first), then the admin's
// global addresses.
import addressparser from 'nodemailer/lib/addressparser';
import type { AddressBookEntry } from '@secure-signature/shared';
import { and, desc, eq, gte, max, sql } from 'drizzle-orm';
import { processes, signers } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { getSettings } from '../settings/get-settings';

const MAX_RECENT = 500;

export async function listAddressBook(ctx: Ctx): Promise<AddressBookEntry[]> {
  const actor = requireActor(ctx);
  const { startForm } = await getSettings(ctx);
  if (!startForm.addressBook) return [];
  const since = new Date(ctx.clock().getTime() - startForm.addressBookDays * 86_400_000);
  const lastUsed = max(processes.createdAt);
  const recent = await ctx.db
    .select({ email: signers.email, name: sql<string | null>`max(${signers.name})`, lastUsed })
    .from(signers)
    .innerJoin(processes, eq(processes.id, signers.processId))
    .where(and(eq(processes.senderId, actor.id), gte(processes.createdAt, since)))
    .groupBy(signers.email)
    .orderBy(desc(lastUsed))
    .limit(MAX_RECENT);

  const entries: AddressBookEntry[] = recent.map((r) => ({ email: r.email, name: r.name, source: 'recent' }));
  const known = new Set(entries.map((e) => e.email));
  for (const line of startForm.globalAddresses) {
    for (const parsed of addressparser(line, { flatten: true })) {
      const email = parsed.address?.trim().toLowerCase();
      if (!email || !email.includes('@') || known.has(email)) continue;
      known.add(email);
      entries.push({ email, name: parsed.name || null, source: 'global' });
    }
  }
  return entries;
}
