// What the start form needs from where it runs. Outlook (the task pane) and the web UI (/start) each provide one;
// the components never call Office.js or read the page themselves.
import type { ApiClient } from './api/api-client';
import type { DraftAttachment } from './office/compose-item';

export type DraftSigner = { email: string; name: string };

/** What the host pre-fills the form with. */
export type Draft = {
  title: string;
  message: string;
  signers: DraftSigner[];
  attachments: DraftAttachment[];
  /** Why the form must offer a file picker instead of the message's attachments, if it must. */
  filePickerReason?: string;
};

export interface StartHost {
  kind: 'outlook' | 'web';
  api: ApiClient;
  /** The user's language (Outlook's display language, or the browser's). */
  locale: string;
  readDraft(): Promise<Draft>;
  /** The bytes of one of the draft's attachments; onRetry hears about each failed try. */
  readAttachment(attachment: DraftAttachment, onRetry: (attempt: number) => void): Promise<Uint8Array>;
  /** Opens a page of the web UI outside the pane. */
  openInBrowser(url: string): void;
  /** Closes the message being composed (Outlook asks whether to keep or discard it). */
  closeDraft?(): void;
  /** Forgets the stored sign-in, so the next request asks again. */
  signOut?(): Promise<void>;
}
