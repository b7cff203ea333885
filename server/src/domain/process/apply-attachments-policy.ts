// The admin's rule for attachments (files that travel with a process but are not signed), for every way of starting
// a process: off refuses them, hidden keeps them from signers whatever the sender asked, shown leaves it to the sender.
import type { Settings } from '@secure-signature/shared';
import { invalidInput } from '../errors';

/** Whether signers will see the attachments; throws when attachments are not allowed at all. */
export function applyAttachmentsPolicy(
  settings: Pick<Settings, 'startForm'>,
  input: { attachmentCount: number; attachmentsVisible: boolean },
): boolean {
  const rule = settings.startForm.attachments;
  if (input.attachmentCount > 0 && rule === 'off') {
    throw invalidInput('The administrator does not allow attachments that are not signed: send only documents to sign', 'attachments');
  }
  return rule === 'shown' && input.attachmentsVisible;
}
