// The one typed settings model of the service, stored in the database and edited in the admin center. Every
// setting has its default here; other features add their settings to this model (not beside it). The admin form
// is generated from it: `meta({ title, description })` gives each field its label and help.
import { z } from 'zod';

// prefault: a missing section is parsed from {}, so each of its fields gets its own default.
const section = <T extends z.ZodRawShape>(title: string, shape: T) => z.object(shape).prefault({} as never).meta({ title });

export const settingsSchema = z.object({
  session: section('Sessions', {
    binding: z
      .enum(['user_agent', 'user_agent_and_ip', 'none'])
      .default('user_agent')
      .meta({ title: 'Bind sessions to', description: 'A session cookie used from another browser (or address) is refused.' }),
    timeoutSeconds: z.coerce.number().int().min(300).max(7 * 86400).default(7200).meta({ title: 'Session timeout (seconds)' }),
  }),
  authentication: section('Authentication', {
    passwordTries: z.coerce.number().int().min(1).max(50).default(5).meta({ title: 'Wrong passwords before the account locks' }),
    lockMinutes: z.coerce.number().int().min(1).max(24 * 60).default(15).meta({ title: 'Lock time (minutes)' }),
    passwordMinLength: z.coerce.number().int().min(8).max(128).default(8).meta({ title: 'Minimum password length' }),
    requireLowercase: z.boolean().default(false).meta({ title: 'Passwords need a lower-case letter' }),
    requireUppercase: z.boolean().default(false).meta({ title: 'Passwords need an upper-case letter' }),
    requireDigit: z.boolean().default(false).meta({ title: 'Passwords need a digit' }),
    requireSpecial: z.boolean().default(false).meta({ title: 'Passwords need a special character', description: 'Anything but a letter or a digit.' }),
    allowPasswordReset: z.boolean().default(true).meta({ title: 'Users may order a password reset link by email' }),
  }),
  sealing: section('Sealing and timestamps', {
    tsaUrls: z
      .array(z.url({ protocol: /^https?$/ }))
      .default([])
      .meta({ title: 'Timestamp authorities (RFC 3161)', description: 'One URL per line, tried in order. With one, seals carry a timestamp (PAdES B-T).' }),
  }),
  startForm: section('Start form (Outlook and web)', {
    allowSigningOrder: z.boolean().default(true).meta({ title: 'Senders may force the signing order' }),
    allowSignaturePageChoice: z
      .boolean()
      .default(true)
      .meta({ title: 'Senders may choose where the signatures page goes', description: 'Otherwise it is always placed as below.' }),
    signaturePagePosition: z.enum(['first', 'last']).default('last').meta({ title: 'Signatures page (default)' }),
    allowSenderSigns: z.boolean().default(true).meta({ title: 'Senders may sign their own processes' }),
    allowForceDownload: z.boolean().default(true).meta({ title: 'Senders may require signers to download the documents before signing' }),
    allowSmsNotifications: z.boolean().default(true).meta({ title: 'Senders may send invitations and reminders by SMS too' }),
    allowForwarding: z.boolean().default(true).meta({ title: 'Senders may let signers forward (sign and forward, or forward without signing)' }),
    addressBook: z.boolean().default(true).meta({ title: 'Address book', description: "Senders are offered the signers of their recent processes and the global addresses." }),
    addressBookDays: z.coerce.number().int().min(1).max(3650).default(180).meta({ title: 'Address book remembers signers for (days)' }),
    warnSingleSigner: z
      .boolean()
      .default(false)
      .meta({ title: 'Warn when only one person signs', description: 'The form warns a sender who asks one signer and does not sign too.' }),
    senderAddress: z
      .string()
      .trim()
      .max(300)
      .default('')
      .meta({ title: 'Sender address of emails', description: 'e.g. "Acme Signatures <sign@acme.example>". Empty: MAIL_FROM.' }),
    globalAddresses: z
      .array(z.string().trim().max(300))
      .default([])
      .meta({ title: 'Global address book', description: 'One per line: "Name <email@example.com>" or an address. Shown to every sender.' }),
  }),
  microsoft: section('Microsoft Entra ID (sign-in from Outlook)', {
    tenantId: z.string().trim().max(100).default('').meta({ title: 'Directory (tenant) id', description: 'Your organisation\'s tenant. Empty: Entra sign-in is off.' }),
    clientId: z.string().trim().max(100).default('').meta({ title: 'Application (client) id', description: 'The app registration of Secure Signature.' }),
    allowedTenants: z
      .array(z.string().trim().max(100))
      .default([])
      .meta({ title: 'Other tenants allowed', description: 'One tenant id per line; users of these tenants may sign in too.' }),
    createUsers: z.boolean().default(false).meta({ title: 'Create an account on first sign-in', description: 'Otherwise only users known here (same email) may sign in.' }),
    authorityHost: z
      .url({ protocol: /^https?$/ })
      .default('https://login.microsoftonline.com')
      .meta({ title: 'Authority host', description: 'Change only for national clouds.' }),
  }),
  signatureMethods: section('Signature methods', {
    button: z.boolean().default(true).meta({ title: 'Click to sign (OK button)' }),
    handwritten: z.boolean().default(true).meta({ title: 'Handwritten signature', description: 'Drawn with a finger or the mouse; the drawing is printed on the signatures page.' }),
    sendersChoose: z.boolean().default(true).meta({ title: 'Senders choose the methods per process', description: 'Otherwise every enabled method is offered.' }),
  }),
  signerDetails: section('Signer details', {
    organizationAndTitle: z
      .enum(['disabled', 'enabled', 'editable_by_signer'])
      .default('enabled')
      .meta({
        title: 'Organisation and position title of signers',
        description: 'enabled: the sender may give them, and they are shown on the signing page and the signatures page; editable by signer: the signer may correct them before signing.',
      }),
  }),
  signingRights: section('Signing rights (business ID)', {
    url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default('').meta({
      title: 'Signing-right service URL',
      description:
        'Asked, for signers who sign for a company, whether the authenticated person may sign for it: POST {"businessId","identityNumber","name"}, answer {"allowed":true|false,"reason":"…"}. Empty: signing for a company is not possible.',
    }),
    authorizationHeader: z.string().max(2000).default('').meta({ title: 'Authorization header', secret: true }),
    timeoutSeconds: z.coerce.number().int().min(1).max(60).default(10).meta({ title: 'Timeout (seconds)' }),
  }),
  signerPin: section('Signer PIN by SMS', {
    requireForEverySigner: z
      .boolean()
      .default(false)
      .meta({ title: 'Every signer needs a PIN', description: 'Then every signer must have a phone number. Otherwise only signers the sender gave a phone number get a PIN.' }),
    length: z.coerce.number().int().min(4).max(12).default(4).meta({ title: 'PIN length' }),
    characters: z.enum(['digits', 'letters', 'digits_and_letters']).default('digits').meta({ title: 'PIN characters', description: 'Letters are upper case, without look-alikes (I, O).' }),
    validMinutes: z.coerce.number().int().min(1).max(24 * 60).default(10).meta({ title: 'A PIN is valid for (minutes)', description: 'And works once.' }),
    maxOrders: z.coerce.number().int().min(1).max(100).default(5).meta({ title: 'PINs a signer may order' }),
    orderWindowMinutes: z.coerce.number().int().min(1).max(7 * 24 * 60).default(120).meta({ title: '… within (minutes)' }),
    maxWrongTries: z.coerce
      .number()
      .int()
      .min(1)
      .max(50)
      .default(5)
      .meta({ title: 'Wrong PINs before the link locks', description: 'Ordering a new PIN does not reset the count; the sender unlocks on the process page.' }),
  }),
  smsGateway: section('SMS gateway', {
    kind: z
      .enum(['outbox', 'http'])
      .default('outbox')
      .meta({ title: 'Send SMS through', description: 'outbox: messages stay in the outbox (Admin → Outbox) and are not sent; http: an HTTP SMS gateway.' }),
    url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default('').meta({
      title: 'Gateway URL',
      description: 'May contain {{to}}, {{text}} and {{id}} (URL-encoded), e.g. for a GET gateway.',
    }),
    method: z.enum(['POST', 'PUT', 'GET']).default('POST').meta({ title: 'HTTP method' }),
    contentType: z.string().trim().max(100).default('application/json').meta({ title: 'Content type of the body' }),
    bodyTemplate: z
      .string()
      .max(4000)
      .default('{"to":"{{to}}","text":"{{text}}","id":"{{id}}"}')
      .meta({
        title: 'Body template',
        description: '{{to}} is the number in international form, {{text}} the message, {{id}} a message id that stays the same when a send is retried. Values are escaped for the content type (JSON, form).',
      }),
    username: z.string().trim().max(200).default('').meta({ title: 'User name (HTTP Basic)', description: 'Empty: no Basic authentication.' }),
    password: z.string().max(500).default('').meta({ title: 'Password (HTTP Basic)', secret: true }),
    authorizationHeader: z
      .string()
      .max(2000)
      .default('')
      .meta({ title: 'Authorization header', description: 'Instead of Basic, e.g. "Bearer …".', secret: true }),
    timeoutSeconds: z.coerce.number().int().min(1).max(120).default(10).meta({ title: 'Timeout (seconds)' }),
  }),
  disclaimer: section('Disclaimer for signers', {
    enabled: z.boolean().default(false).meta({ title: 'Show a disclaimer before anything else', description: 'Signers accept it once; the acceptance is in the audit trail.' }),
    en: z.array(z.string().max(2000)).default([]).meta({ title: 'Text in English', description: 'One paragraph per line. Used for every language that has no text of its own.' }),
    fi: z.array(z.string().max(2000)).default([]).meta({ title: 'Text in Finnish' }),
    sv: z.array(z.string().max(2000)).default([]).meta({ title: 'Text in Swedish' }),
    da: z.array(z.string().max(2000)).default([]).meta({ title: 'Text in Danish' }),
    de: z.array(z.string().max(2000)).default([]).meta({ title: 'Text in German' }),
  }),
  reminders: section('Reminders and expiry', {
    firstAfterDays: z.coerce.number().int().min(0).max(365).default(0).meta({ title: 'First automatic reminder after (days)', description: '0: no automatic reminders.' }),
    repeatEveryDays: z.coerce.number().int().min(1).max(365).default(3).meta({ title: 'Repeat every (days)' }),
    maxReminders: z.coerce.number().int().min(0).max(50).default(3).meta({ title: 'At most this many reminders' }),
    sendersOverride: z.boolean().default(true).meta({ title: 'Senders may set the reminders of their own processes' }),
    expiryDays: z.coerce
      .number()
      .int()
      .min(0)
      .max(3650)
      .default(0)
      .meta({ title: 'Processes expire after (days)', description: 'A process nobody finished by then expires and everyone is told. 0: never.' }),
  }),
});

export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings: Settings = settingsSchema.parse({});

/** What the settings API and form show in place of a secret that is set; sending it back keeps the secret. */
export const SECRET_MASK = '••••••••';

/** The settings marked `secret: true` ("section.key"): never shown back, never written to the admin log. */
export const secretSettings: string[] = Object.entries(settingsSchema.shape).flatMap(([section, schema]) => {
  const shape = (schema.unwrap() as z.ZodObject).shape as Record<string, z.ZodType>;
  return Object.entries(shape)
    .filter(([, field]) => (field.meta() as { secret?: boolean } | undefined)?.secret)
    .map(([key]) => `${section}.${key}`);
});
