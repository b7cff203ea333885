// The Office objects the pane uses, read once after Office.onReady: the compose item, roaming settings, dialogs,
// requirement sets and language. Everything else gets these passed in.
import type { ComposeItem } from './compose-item';
import type { RoamingSettings } from './roaming-settings';
import type { Requirements } from './requirements';
import type { OfficeUi } from './sign-in-dialog';

export type OfficeParts = {
  item: ComposeItem;
  roamingSettings: RoamingSettings;
  ui: OfficeUi;
  requirements: Requirements;
  displayLanguage: string;
  openBrowserWindow: (url: string) => void;
  /** Whether this Outlook can hand the pane a Microsoft token (nested app authentication). */
  nestedAppAuth: boolean;
};

/** Resolves once Office.js is ready in this page; refuses if the pane is not opened on a message being composed. */
export async function officeReady(): Promise<OfficeParts> {
  await Office.onReady();
  const { mailbox, roamingSettings, ui, requirements, displayLanguage } = Office.context;
  const item = mailbox?.item as unknown as ComposeItem | undefined;
  if (!item || typeof (item as { to?: { getAsync?: unknown } }).to?.getAsync !== 'function') {
    throw new Error('Open Secure Signature from a message you are writing.');
  }
  return {
    item,
    roamingSettings,
    ui,
    requirements,
    displayLanguage: displayLanguage || navigator.language,
    // openBrowserWindow is Mailbox 1.5+; older Outlook gets a plain window.
    openBrowserWindow: (url) => (typeof ui.openBrowserWindow === 'function' ? ui.openBrowserWindow(url) : void window.open(url, '_blank', 'noopener')),
    nestedAppAuth: safeSupported(requirements, 'NestedAppAuth', '1.1'),
  };
}

function safeSupported(requirements: Requirements, set: string, version: string): boolean {
  try {
    return requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
}
