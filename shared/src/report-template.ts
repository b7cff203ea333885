// Report templates (admin center): who gets the report of a completed process (email addresses, HTTP POST URLs),
// in which format, with the signatures page inside the PDF or as a separate file, first or last.
import { z } from 'zod';
import { language } from './process';

export const reportFormat = z.enum(['xml', 'json']);
export const signaturesPageMode = z.enum(['in_pdf', 'separate']);

export const reportTemplateInput = z.object({
  name: z.string().trim().min(1, { error: 'is required' }).max(100),
  senderAddress: z.union([z.literal(''), z.email()]).default(''),
  signaturesPage: signaturesPageMode.default('in_pdf'),
  pagePosition: z.enum(['first', 'last']).default('last'),
  language: language.default('en'),
  emailRecipients: z.array(z.email()).max(50).default([]),
  postUrls: z.array(z.url({ protocol: /^https?$/ })).max(20).default([]),
  format: reportFormat.default('json'),
  /** The HMAC key of the X-Secure-Signature-Signature header; the mask keeps the stored one. */
  hmacSecret: z.string().max(500).default(''),
});
export type ReportTemplateInput = z.infer<typeof reportTemplateInput>;

export const reportTemplateView = reportTemplateInput.extend({
  id: z.string(),
  isDefault: z.boolean(),
  /** Processes that used it: a used template cannot be removed. */
  processes: z.number(),
});
export type ReportTemplateView = z.infer<typeof reportTemplateView>;

/** What the start form offers: the templates this user may choose. */
export const reportTemplateChoice = z.object({ id: z.string(), name: z.string(), isDefault: z.boolean() });
export type ReportTemplateChoice = z.infer<typeof reportTemplateChoice>;

/** GET /api/v1/start-form/report-templates: whether the signed-in sender picks a template, and which they may. */
export type ReportTemplateOptions = { choose: boolean; templates: ReportTemplateChoice[] };
