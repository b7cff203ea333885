// Who the Outlook add-in is and where its files live, for one deployment's origin. Both manifests (XML and unified
// JSON) are rendered from this one description, so they cannot disagree about the id, names, version or URLs.

/** Fixed forever: Outlook and the admin center recognise an add-in (and its updates) by this id. */
export const ADDIN_ID = '022e1c9a-375a-46e1-9424-9293c5706e0c';

/** Raise it when the manifest changes, so Outlook and the admin center pick up the new one. */
export const ADDIN_VERSION = '1.0.0';

export const ADDIN_NAME = 'Secure Signature';
export const ADDIN_PROVIDER = 'Secure Signature';
export const ADDIN_SHORT_DESCRIPTION = 'Send the documents attached to a message for electronic signature.';
export const ADDIN_DESCRIPTION =
  'Send the documents you are writing about for electronic signature from Outlook: choose the signers, ' +
  'and Secure Signature, your organisation\'s own signing server, collects the signatures and seals the final PDFs.';
/** The button's tooltip (ribbon supertips allow at most 250 characters). */
export const ADDIN_BUTTON_TOOLTIP = 'Open Secure Signature to send this message\'s attachments for signature.';
/** The brand colour (the icons' background). */
export const ADDIN_ACCENT_COLOR = '#1F4E79';
/** The mailbox API the manifests ask for; anything newer is detected at runtime (addin/src/office/requirements.ts). */
export const MAILBOX_MIN_VERSION = '1.3';

/** Ribbon icon sizes Outlook requires (16, 32, 80 px). */
export const RIBBON_ICON_SIZES = [16, 32, 80] as const;
/** Every icon drawn by scripts/draw-icons.ts into addin/public/assets/. */
export const ICON_SIZES = [16, 32, 64, 80, 128, 192] as const;

export interface AddinUrls {
  /** The deployment's origin, e.g. https://sign.example.com (no trailing slash). */
  origin: string;
  host: string;
  taskpane: string;
  support: string;
  /** icon-<size>.png, served by the server from the task pane's build under /addin/assets/. */
  icon: (size: number) => string;
  /** The unified manifest's icons are paths relative to the manifest (or to the app package's root). */
  colorIconPath: string;
  outlineIconPath: string;
}

export class OriginError extends Error {}

/**
 * The one origin every URL of the add-in lives on. Outlook loads add-ins only over https, so anything else is
 * refused here, before a manifest is rendered.
 */
export function parseOrigin(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new OriginError(`Not a URL: ${url}`);
  }
  if (u.protocol !== 'https:') throw new OriginError(`Outlook loads add-ins only over https, not from ${url}`);
  if (u.username || u.password || u.search || u.hash) throw new OriginError(`The public URL must be a plain https origin: ${url}`);
  // A path prefix would need the whole server mounted below it; the server serves /addin/ at its root.
  if (u.pathname !== '/' && u.pathname !== '') throw new OriginError(`The public URL must have no path: ${url}`);
  return u.origin;
}

export function addinUrls(url: string): AddinUrls {
  const origin = parseOrigin(url);
  return {
    origin,
    host: new URL(origin).host,
    taskpane: `${origin}/addin/taskpane.html`,
    support: `${origin}/`,
    icon: (size) => `${origin}/addin/assets/icon-${size}.png`,
    // Relative to /manifest.json these resolve to the served icons; in an app package (zip) they are its files.
    colorIconPath: 'addin/assets/icon-192.png',
    outlineIconPath: 'addin/assets/outline-32.png',
  };
}
