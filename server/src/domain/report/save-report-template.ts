// An admin adds or changes a report template: validated, the HMAC secret encrypted at rest and kept when the mask
// comes back, logged in the admin log without the secret. The first template becomes the default.
import { randomUUID } from 'node:crypto';
import { SECRET_MASK, reportTemplateInput } from '@secure-signature/shared';
import { and, count, eq, ne } from 'drizzle-orm';
import { reportTemplates } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { conflict, invalidInput, notFound } from '../errors';
import { isUuid } from '../process/find-own-process';

export async function saveReportTemplate(ctx: Ctx, input: { body: unknown; templateId?: string }): Promise<{ id: string }> {
  requireAdminActor(ctx);
  const parsed = reportTemplateInput.safeParse(input.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`${issue.path.join('.')}: ${issue.message}`, issue.path.join('.'));
  }
  const t = parsed.data;
  if (t.postUrls.length && !t.hmacSecret) throw invalidInput('Reports sent by HTTP POST need an HMAC secret, so receivers can check them', 'hmacSecret');
  if (input.templateId && !isUuid(input.templateId)) throw notFound('Report template');
  return inTransaction(ctx, async (tx) => {
    const [sameName] = await tx.db
      .select({ id: reportTemplates.id })
      .from(reportTemplates)
      .where(and(eq(reportTemplates.name, t.name), input.templateId ? ne(reportTemplates.id, input.templateId) : undefined));
    if (sameName) throw conflict(`A report template named ${t.name} exists already`);
    const [existing] = input.templateId ? await tx.db.select().from(reportTemplates).where(eq(reportTemplates.id, input.templateId)) : [];
    if (input.templateId && !existing) throw notFound('Report template');
    const keep = t.hmacSecret === SECRET_MASK;
    if (keep && !existing?.hmacSecretEncrypted) throw invalidInput('Enter the HMAC secret', 'hmacSecret');
    const values = {
      name: t.name,
      senderAddress: t.senderAddress,
      signaturesPage: t.signaturesPage,
      pagePosition: t.pagePosition,
      language: t.language,
      emailRecipients: [...new Set(t.emailRecipients.map((e) => e.toLowerCase()))],
      postUrls: [...new Set(t.postUrls)],
      format: t.format,
      hmacSecretEncrypted: keep ? existing!.hmacSecretEncrypted : t.hmacSecret ? tx.secrets.encrypt(t.hmacSecret) : null,
      updatedAt: tx.clock(),
    };
    let id = input.templateId;
    if (id) await tx.db.update(reportTemplates).set(values).where(eq(reportTemplates.id, id));
    else {
      id = randomUUID();
      const [{ n }] = await tx.db.select({ n: count() }).from(reportTemplates);
      await tx.db.insert(reportTemplates).values({ id, ...values, isDefault: n === 0, createdAt: tx.clock() });
    }
    // Everything but the secret (and whether it changed).
    const { hmacSecretEncrypted: _secret, updatedAt: _at, ...logged } = values;
    await recordAdminEvent(tx, { action: input.templateId ? 'report_template.changed' : 'report_template.added', details: { id, ...logged, secretChanged: !keep } });
    return { id };
  });
}
