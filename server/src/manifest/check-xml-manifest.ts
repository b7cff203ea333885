// The project's own checks of an XML add-in manifest, beyond what the XSD can say: every resid resolves to a
// resource of the right kind in its own VersionOverrides, every URL is https on the deployment's one host, the Id
// is a GUID, the ribbon icons come in the sizes Outlook needs, the pane may read and write the item, and nothing
// asks for more than Mailbox 1.3.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { MAILBOX_MIN_VERSION, RIBBON_ICON_SIZES } from './addin-identity';
import { NS } from './render-xml-manifest';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which resource list a resid may point into, by the referring element's name. */
const RESOURCE_KIND: Record<string, string> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

export interface CheckOptions {
  /** The deployment's origin, e.g. https://sign.example.com: every URL must be on its host. */
  origin: string;
}

const elements = (root: Element): Element[] => {
  const all = root.getElementsByTagName('*');
  return Array.from({ length: all.length }, (_, i) => all.item(i) as Element);
};
const childElements = (parent: Element, localName?: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (localName === undefined || (n as Element).localName === localName),
  );
const path = (e: Element): string => {
  const names: string[] = [];
  for (let n: Element | null = e; n && n.nodeType === 1; n = n.parentNode as Element | null) names.unshift(n.localName ?? '');
  return names.join('/');
};
/** Compares dotted versions numerically: "1.10" is newer than "1.3". */
export const newerThan = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

export function checkXmlManifest(xml: string, opts: CheckOptions): string[] {
  const problems: string[] = [];
  let root: Element | null;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'application/xml');
    root = doc.documentElement;
  } catch (err) {
    return [`The manifest is not well-formed XML: ${(err as Error).message}`];
  }
  if (!root || root.localName !== 'OfficeApp' || root.namespaceURI !== NS.officeApp) return ['The root element is not an OfficeApp 1.1'];
  const all = elements(root);

  // The Id.
  const id = childElements(root, 'Id')[0]?.textContent?.trim() ?? '';
  if (!GUID.test(id)) problems.push(`The Id is not a GUID: "${id}"`);

  // The pane reads and adds to the message being written; without ReadWriteItem Outlook would refuse it both.
  const permissions = childElements(root, 'Permissions')[0]?.textContent?.trim() ?? '';
  if (permissions !== 'ReadWriteItem') problems.push(`Permissions must be ReadWriteItem, not ${permissions || 'missing'}`);

  // Every resid, looked up in the Resources of the VersionOverrides it is in (1.1 does not inherit from 1.0).
  for (const ref of all.filter((e) => e.hasAttribute('resid'))) {
    const resid = ref.getAttribute('resid') ?? '';
    let overrides = ref.parentNode as Element | null;
    while (overrides && overrides.localName !== 'VersionOverrides') overrides = overrides.parentNode as Element | null;
    const resources = overrides ? childElements(overrides, 'Resources')[0] : undefined;
    const kinds = RESOURCE_KIND[ref.localName ?? ''];
    const lists = resources ? childElements(resources).filter((list) => list.namespaceURI === NS.bt && (!kinds || list.localName === kinds)) : [];
    const found = lists.some((list) => childElements(list).some((r) => r.getAttribute('id') === resid));
    if (!found) problems.push(`${path(ref)}: resid "${resid}" is not defined in ${kinds ? `bt:${kinds}` : 'the Resources'} of its VersionOverrides`);
  }

  // Every URL: attribute values and texts that are absolute URLs (namespace declarations are names, not links).
  let host: string;
  try {
    host = new URL(opts.origin).host;
  } catch {
    return [...problems, `Not an origin: ${opts.origin}`];
  }
  for (const e of all) {
    const values = Array.from(e.attributes)
      .filter((a) => a.name !== 'xmlns' && a.prefix !== 'xmlns')
      .map((a) => [`@${a.name}`, a.value] as const);
    const text = childElements(e).length === 0 ? (e.textContent ?? '').trim() : '';
    for (const [where, value] of text ? [...values, ['', text] as const] : values) {
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || !URL.canParse(value)) continue;
      const u = new URL(value);
      if (u.protocol !== 'https:') problems.push(`${path(e)}${where}: ${value} is not https`);
      else if (u.host !== host) problems.push(`${path(e)}${where}: ${value} is not on ${host}`);
    }
  }

  // Icons: the store icons, and 16/32/80 px for every ribbon control.
  for (const name of ['IconUrl', 'HighResolutionIconUrl']) {
    if (!childElements(root, name)[0]?.getAttribute('DefaultValue')) problems.push(`${name} is missing`);
  }
  for (const icon of all.filter((e) => e.localName === 'Icon' && e.parentNode && (e.parentNode as Element).localName === 'Control')) {
    const sizes = new Set(childElements(icon, 'Image').map((img) => Number(img.getAttribute('size'))));
    const missing = RIBBON_ICON_SIZES.filter((s) => !sizes.has(s));
    if (missing.length > 0) problems.push(`${path(icon)}: no icon of ${missing.join(', ')} px`);
  }

  // Requirements: Mailbox declared, at MAILBOX_MIN_VERSION, and nothing newer (newer APIs are detected at runtime).
  const declared = all.filter((e) => e.localName === 'Set' && e.getAttribute('Name') === 'Mailbox');
  if (!declared.some((s) => s.namespaceURI === NS.officeApp)) problems.push('The base Requirements do not declare the Mailbox set');
  for (const set of declared) {
    const version = set.getAttribute('MinVersion') || (set.parentNode as Element).getAttribute('DefaultMinVersion') || '';
    if (!version) problems.push(`${path(set)}: no minimum version of Mailbox`);
    else if (newerThan(version, MAILBOX_MIN_VERSION)) problems.push(`${path(set)}: asks for Mailbox ${version}, newer than ${MAILBOX_MIN_VERSION}`);
  }
  const overrides = all.filter((e) => e.localName === 'VersionOverrides');
  for (const o of overrides) {
    const requirements = childElements(o, 'Requirements')[0];
    if (!requirements || !elements(requirements).some((e) => e.localName === 'Set' && e.getAttribute('Name') === 'Mailbox')) {
      problems.push(`${path(o)} (${o.getAttribute('xsi:type')}): no Mailbox requirement`);
    }
  }
  return problems;
}
