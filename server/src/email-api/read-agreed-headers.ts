// The Email API's agreed headers (docs/email-api.md): X-Secure-Signature-Signers (one or more headers, signers
// separated by ";", each `"Name" <address> +phone`, `Name <address>` or `address [+phone]`) and
// X-Secure-Signature-Options (`key=value; key=value`). Turned into the raw fields of the shared start input;
// the shared zod schema then validates them as it does for every other start path.
import libmime from 'libmime';
import { DomainError } from '../domain/errors';

export const SIGNERS_HEADER = 'X-Secure-Signature-Signers';
export const OPTIONS_HEADER = 'X-Secure-Signature-Options';

const bad = (message: string, field: string) => new DomainError('invalid_input', message, field);

/** Splits on `sep` outside double quotes and angle brackets. */
function splitOutside(value: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && quoted) {
      cur += ch + (value[++i] ?? '');
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') angle = true;
    else if (!quoted && ch === '>') angle = false;
    if (ch === sep && !quoted && !angle) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

export interface RawSigner {
  email: string;
  name?: string;
  phone?: string;
}

export function readSigners(headerValues: string[]): RawSigner[] {
  const entries = headerValues.flatMap((v) => splitOutside(libmime.decodeWords(v), ';'));
  if (entries.length === 0) throw bad(`The header ${SIGNERS_HEADER} is missing: name at least one signer, e.g. ${SIGNERS_HEADER}: "Anna A" <anna@example.com>`, 'signers');
  return entries.map((entry) => {
    const angled = /^(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<([^<>\s]+)>\s*(.*)$/.exec(entry);
    const bare = angled ? null : /^([^\s<>"]+@[^\s<>"]+)\s*(.*)$/.exec(entry);
    if (!angled && !bare) throw bad(`${SIGNERS_HEADER}: cannot read the signer "${entry}"; write "Name" <address> +phone`, 'signers');
    const email = angled ? angled[3] : bare![1];
    const name = angled ? (angled[1]?.replace(/\\(.)/g, '$1') ?? angled[2]).trim() : '';
    const phone = (angled ? angled[4] : bare![2]).trim();
    return { email, ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
  });
}

const yesNo = (key: string, v: string): boolean => {
  const t = v.toLowerCase();
  if (['yes', 'true', '1', 'on'].includes(t)) return true;
  if (['no', 'false', '0', 'off'].includes(t)) return false;
  throw bad(`${OPTIONS_HEADER}: ${key} must be yes or no, not "${v}"`, key);
};

const FLAGS: Record<string, string> = {
  'signing-order': 'signingOrder',
  'force-download': 'forceDownload',
  'allow-forward': 'allowForward',
  'allow-sign-and-forward': 'allowSignAndForward',
  'attachments-visible': 'attachmentsVisible',
  sms: 'smsNotifications',
};

/** The options as raw start-input fields, plus a report template's name (resolved where the database is). */
export function readOptions(headerValues: string[]): { fields: Record<string, unknown>; reportTemplateName?: string } {
  const fields: Record<string, unknown> = {};
  let reportTemplateName: string | undefined;
  for (const pair of headerValues.flatMap((v) => splitOutside(libmime.decodeWords(v), ';'))) {
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? pair : pair.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : pair.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (key in FLAGS) fields[FLAGS[key]] = yesNo(key, value);
    else if (key === 'methods') fields.signatureMethods = value.split(',').map((m) => m.trim()).filter(Boolean);
    else if (key === 'language') fields.language = value.toLowerCase();
    else if (key === 'page') fields.signaturePagePosition = value.toLowerCase();
    else if (key === 'report-template') reportTemplateName = value;
    else if (key === 'reminders') {
      const [firstAfterDays, repeatEveryDays, maxReminders] = value.split(',').map((n) => Number(n.trim()));
      fields.reminders = { firstAfterDays, repeatEveryDays, maxReminders };
    } else throw bad(`${OPTIONS_HEADER}: unknown option "${key}"`, key);
  }
  return { fields, reportTemplateName };
}
