// The Outlook host: the form reads the message being composed and signs in with an API token kept in the
// mailbox's roaming settings, or an Entra token from nested app authentication.
import type { Draft, StartHost } from '../host';
import type { ApiClient } from '../api/api-client';
import { canReadAttachments, closeItem, listFileAttachments, readBodyText, readRecipients, readSubject, type ComposeItem } from './compose-item';
import { readAttachmentWithRetry } from './read-attachment-with-retry';
import { supportsMailbox, type Requirements } from './requirements';

export type OutlookParts = {
  item: ComposeItem;
  requirements: Requirements;
  displayLanguage: string;
  openBrowserWindow?: (url: string) => void;
};

export function outlookHost(parts: OutlookParts, api: ApiClient, signOut: () => Promise<void>): StartHost {
  const { item } = parts;
  return {
    kind: 'outlook',
    api,
    locale: parts.displayLanguage,
    async readDraft(): Promise<Draft> {
      const [recipients, title, message] = await Promise.all([readRecipients(item), readSubject(item), readBodyText(item)]);
      const attachmentsReadable = supportsMailbox(parts.requirements, '1.8') && canReadAttachments(item);
      return {
        title,
        message: message.trim(),
        signers: recipients.map(({ email, name }) => ({ email, name })),
        attachments: attachmentsReadable ? await listFileAttachments(item) : [],
        filePickerReason: attachmentsReadable
          ? undefined
          : 'This version of Outlook does not let add-ins read attachments (Mailbox 1.8). Choose the files here instead.',
      };
    },
    readAttachment: (attachment, onRetry) => readAttachmentWithRetry(item, attachment, { onRetry }),
    openInBrowser: (url) => (parts.openBrowserWindow ? parts.openBrowserWindow(url) : window.open(url, '_blank', 'noopener')),
    closeDraft: () => closeItem(item),
    signOut,
  };
}
