// Whether a process's signatures page goes into each sealed PDF or into a separate file: its report template says.
import { eq } from 'drizzle-orm';
import { reportTemplates } from '../../db/schema';
import type { Ctx } from '../context';

export async function signaturesPageMode(ctx: Ctx, process: { reportTemplateId: string | null }): Promise<'in_pdf' | 'separate'> {
  if (!process.reportTemplateId) return 'in_pdf';
  const [t] = await ctx.db.select({ mode: reportTemplates.signaturesPage }).from(reportTemplates).where(eq(reportTemplates.id, process.reportTemplateId));
  return t?.mode ?? 'in_pdf';
}
