// Email texts. Rendered when a message is shown or delivered, from the template name and stored parameters;
// signing links are derived at that moment so they are never stored. (Five languages come with the signer issue.)
export interface InvitationParams {
  signerId: string;
  signerName: string | null;
  senderName: string;
  senderEmail: string;
  processTitle: string;
  message: string;
}

export interface MessageParams {
  invitation: InvitationParams;
  reminder: InvitationParams;
  completed: { processTitle: string; documents: { documentId: string; filename: string }[] };
  aborted: { processTitle: string; senderName: string };
  expired: { processTitle: string; expiredAt: string };
  rejected: { processTitle: string; rejectedBy: string; reason: string };
}
export type MessageTemplate = keyof MessageParams;

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** Final documents to attach, by document id. */
  attachments: { documentId: string; filename: string }[];
}

export interface RenderEnv {
  signingLink(signerId: string): string;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function page(paragraphs: string[], link?: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('\n');
  const button = link
    ? `<p><a href="${esc(link.href)}" style="display:inline-block;padding:10px 18px;background:#0f5cc0;color:#fff;text-decoration:none;border-radius:4px">${esc(link.label)}</a></p>`
    : '';
  return `<!doctype html><html><body style="font-family:Segoe UI,Arial,sans-serif;font-size:15px;color:#222">${body}${button}</body></html>`;
}

function invitationLike(kind: 'invitation' | 'reminder', p: InvitationParams, env: RenderEnv): RenderedMessage {
  const link = env.signingLink(p.signerId);
  const greeting = p.signerName ? `Hello ${p.signerName},` : 'Hello,';
  const intro =
    kind === 'invitation'
      ? `${p.senderName} (${p.senderEmail}) asks you to sign "${p.processTitle}".`
      : `Reminder: ${p.senderName} (${p.senderEmail}) is still waiting for your signature on "${p.processTitle}".`;
  const paragraphs = [greeting, intro, ...(p.message ? [p.message] : []), 'Open the documents and sign here:'];
  return {
    subject: kind === 'invitation' ? `Signature request: ${p.processTitle}` : `Reminder: ${p.processTitle}`,
    text: `${paragraphs.join('\n\n')}\n${link}\n\nThis link is personal: do not forward it.\n`,
    html: page([...paragraphs.slice(0, -1), 'This link is personal: do not forward it.'], {
      href: link,
      label: 'Open and sign',
    }),
    attachments: [],
  };
}

export function renderMessage<T extends MessageTemplate>(template: T, params: MessageParams[T], env: RenderEnv): RenderedMessage {
  switch (template) {
    case 'invitation':
    case 'reminder':
      return invitationLike(template, params as InvitationParams, env);
    case 'completed': {
      const p = params as MessageParams['completed'];
      const lines = [
        `Everyone has signed "${p.processTitle}".`,
        'The signed documents are attached. Each carries a signatures page and an electronic seal that your PDF reader can verify.',
      ];
      return { subject: `Signed: ${p.processTitle}`, text: lines.join('\n\n') + '\n', html: page(lines), attachments: p.documents };
    }
    case 'aborted': {
      const p = params as MessageParams['aborted'];
      const lines = [`${p.senderName} has cancelled the signature process "${p.processTitle}". Nothing more needs to be done.`];
      return { subject: `Cancelled: ${p.processTitle}`, text: lines.join('\n\n') + '\n', html: page(lines), attachments: [] };
    }
    case 'expired': {
      const p = params as MessageParams['expired'];
      const lines = [`The signature process "${p.processTitle}" expired on ${p.expiredAt.replace('T', ' ').slice(0, 16)} UTC before everyone had signed. Nothing more can be signed.`];
      return { subject: `Expired: ${p.processTitle}`, text: lines.join('\n\n') + '\n', html: page(lines), attachments: [] };
    }
    case 'rejected': {
      const p = params as MessageParams['rejected'];
      const lines = [`${p.rejectedBy} has rejected "${p.processTitle}", so the process has stopped.`, `Reason: ${p.reason}`];
      return { subject: `Rejected: ${p.processTitle}`, text: lines.join('\n\n') + '\n', html: page(lines), attachments: [] };
    }
    default: {
      const never: never = template;
      throw new Error(`unknown message template ${String(never)}`);
    }
  }
}
