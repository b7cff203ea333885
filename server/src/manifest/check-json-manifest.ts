// The project's own checks of a unified manifest (manifest.json), the counterpart of check-xml-manifest.ts: the id
// is a GUID, every URL is https on the deployment's one host, every ribbon control has 16/32/80 px icons and its
// action exists, and nothing asks for more than Mailbox 1.3. The schema itself is office-addin-manifest's job.
import { MAILBOX_MIN_VERSION, RIBBON_ICON_SIZES } from './addin-identity';
import { newerThan, type CheckOptions } from './check-xml-manifest';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v : []);

/** Every string in the document with its JSON path. */
function* strings(v: Json, at: string): Generator<[string, string]> {
  if (typeof v === 'string') yield [at, v];
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* strings(x, `${at}[${i}]`);
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) yield* strings(x, `${at}.${k}`);
}

export function checkJsonManifest(json: string, opts: CheckOptions): string[] {
  let m: Json;
  try {
    m = JSON.parse(json) as Json;
  } catch (err) {
    return [`The manifest is not JSON: ${(err as Error).message}`];
  }
  if (!isObject(m)) return ['The manifest is not a JSON object'];
  const problems: string[] = [];
  const host = new URL(opts.origin).host;

  if (typeof m.id !== 'string' || !GUID.test(m.id)) problems.push(`The id is not a GUID: ${JSON.stringify(m.id)}`);

  const app = m.webApplicationInfo;
  if (app !== undefined && !(isObject(app) && typeof app.id === 'string' && GUID.test(app.id))) problems.push('webApplicationInfo.id is not a GUID');

  for (const [at, value] of strings(m, '$')) {
    // $schema names Microsoft's schema; it is not something Outlook loads from this deployment.
    if (at === '$.$schema' || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || !URL.canParse(value)) continue;
    const u = new URL(value);
    if (u.protocol === 'api:') continue; // webApplicationInfo.resource, an identifier
    if (u.protocol !== 'https:') problems.push(`${at}: ${value} is not https`);
    else if (u.host !== host) problems.push(`${at}: ${value} is not on ${host}`);
  }
  const domains = list(m.validDomains);
  if (!domains.includes(host)) problems.push(`validDomains does not list ${host}`);

  const icons = isObject(m.icons) ? m.icons : {};
  for (const k of ['color', 'outline']) if (typeof icons[k] !== 'string' || !icons[k]) problems.push(`icons.${k} is missing`);

  for (const [e, ext] of list(m.extensions).entries()) {
    if (!isObject(ext)) continue;
    const actions = new Set(list(ext.runtimes).flatMap((r) => (isObject(r) ? list(r.actions).map((a) => (isObject(a) ? a.id : null)) : [])));
    for (const [at, value] of strings(ext, `$.extensions[${e}]`)) {
      if (at.endsWith('.minVersion') && newerThan(value, MAILBOX_MIN_VERSION)) {
        problems.push(`${at}: asks for ${value}, newer than Mailbox ${MAILBOX_MIN_VERSION}`);
      }
    }
    for (const [r, ribbon] of list(ext.ribbons).entries()) {
      for (const [t, tab] of list(isObject(ribbon) ? ribbon.tabs : []).entries()) {
        for (const [g, group] of list(isObject(tab) ? tab.groups : []).entries()) {
          for (const [c, control] of list(isObject(group) ? group.controls : []).entries()) {
            if (!isObject(control)) continue;
            const at = `$.extensions[${e}].ribbons[${r}].tabs[${t}].groups[${g}].controls[${c}]`;
            const sizes = new Set(list(control.icons).map((i) => (isObject(i) ? i.size : null)));
            const missing = RIBBON_ICON_SIZES.filter((s) => !sizes.has(s));
            if (missing.length > 0) problems.push(`${at}: no icon of ${missing.join(', ')} px`);
            if (!actions.has(control.actionId ?? null)) problems.push(`${at}: action "${control.actionId}" is not defined by a runtime`);
          }
        }
      }
    }
  }
  return problems;
}
