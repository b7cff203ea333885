// Feature detection: the manifest asks only for Mailbox 1.3, newer APIs are used where this Outlook has them.
export type Requirements = Pick<Office.RequirementSetSupport, 'isSetSupported'>;

export function supportsMailbox(requirements: Requirements, version: string): boolean {
  try {
    return requirements.isSetSupported('Mailbox', version);
  } catch {
    return false;
  }
}
