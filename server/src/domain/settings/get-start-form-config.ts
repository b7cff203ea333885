// What the start form (Outlook pane, /start) needs to know before sign-in: nothing secret, only the options the
// admin allows, the upload limit and, when Entra is configured, what to ask Microsoft for.
import type { StartFormConfig } from '@secure-signature/shared';
import type { Ctx } from '../context';
import { entraAudiences, entraEnabled } from '../entra/verify-entra-token';
import { getSettings } from './get-settings';
import { availableMethods } from '../identity-provider/list-identity-providers';

export async function getStartFormConfig(ctx: Ctx): Promise<StartFormConfig> {
  const s = await getSettings(ctx);
  const { microsoft: ms, startForm } = s;
  return {
    organizationName: ctx.config.organizationName,
    maxUploadBytes: ctx.config.maxUploadBytes,
    entra: entraEnabled(ms)
      ? {
          clientId: ms.clientId,
          authority: `${ms.authorityHost.replace(/\/+$/, '')}/${ms.allowedTenants.length ? 'organizations' : ms.tenantId}`,
          scope: `${entraAudiences(ms, ctx.config.publicUrl)[1]}/access_as_user`,
        }
      : null,
    options: {
      allowSigningOrder: startForm.allowSigningOrder,
      allowSignaturePageChoice: startForm.allowSignaturePageChoice,
      signaturePagePosition: startForm.signaturePagePosition,
      allowSenderSigns: startForm.allowSenderSigns,
      signatureMethods: await availableMethods(ctx),
      chooseMethods: s.signatureMethods.sendersChoose,
      allowForceDownload: startForm.allowForceDownload,
      // The sender's "by SMS too" matters only where some message kind is "allowed" (Settings → SMS notifications).
      allowSmsNotifications: startForm.allowSmsNotifications && Object.values(s.smsNotifications).includes('allowed'),
      allowForwarding: startForm.allowForwarding,
      attachments: startForm.attachments,
      signerDetails: s.signerDetails.organizationAndTitle !== 'disabled',
      requirePhone: s.signerPin.requireForEverySigner || s.startForm.requirePhone,
      warnSingleSigner: startForm.warnSingleSigner,
      reminders: {
        firstAfterDays: s.reminders.firstAfterDays,
        repeatEveryDays: s.reminders.repeatEveryDays,
        maxReminders: s.reminders.maxReminders,
        sendersOverride: s.reminders.sendersOverride,
      },
    },
  };
}
