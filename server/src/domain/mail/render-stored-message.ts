// Renders a stored outbox message into subject, text, HTML and attachments, deriving signing links and SMS PINs
// on the fly.
import { messages } from '../../db/schema';
import type { Ctx } from '../context';
import { downloadToken } from '../secure-mail/download-token';
import { resetToken } from '../user/password-reset';
import { renderMessage, type MessageParams, type MessageTemplate, type RenderedMessage } from './templates';

export function renderStoredMessage(ctx: Ctx, message: typeof messages.$inferSelect): RenderedMessage {
  return renderMessage(message.template as MessageTemplate, message.params as unknown as MessageParams[MessageTemplate], {
    signingLink: (signerId) => `${ctx.config.publicUrl}/s/${ctx.secrets.signerToken(signerId)}`,
    pinCode: (pinId, characters, length) => ctx.secrets.pinCode(pinId, characters, length),
    resetLink: (resetId) => `${ctx.config.publicUrl}/password-reset/${resetToken(ctx, resetId)}`,
    downloadLink: (downloadId) => `${ctx.config.publicUrl}/d/${downloadToken(ctx, downloadId)}`,
  });
}
