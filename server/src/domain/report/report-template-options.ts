// What the start form offers the signed-in sender: whether they choose a report template, and which they may use.
// Behind sign-in (unlike the public start-form config) because it depends on the sender's group.
import type { ReportTemplateOptions } from '@secure-signature/shared';
import { requireActor, type Ctx } from '../context';
import { getSettings } from '../settings/get-settings';
import { choosableReportTemplates } from './choosable-report-templates';

export async function reportTemplateOptions(ctx: Ctx): Promise<ReportTemplateOptions> {
  const actor = requireActor(ctx);
  if ((await getSettings(ctx)).reports.templateChoice !== 'user_chooses') return { choose: false, templates: [] };
  const templates = await choosableReportTemplates(ctx, { userId: actor.id });
  return { choose: templates.length > 0, templates };
}
