// The one typed settings model of the service, stored in the database and edited in the admin center. Every
// setting has its default here; other features add their settings to this model (not beside it). The admin form
// is generated from it: `meta({ title, description })` gives each field its label and help.
import { z } from 'zod';

/** An IPv4/IPv6 address or CIDR range. */
const ipOrRange = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: 'must be an IP address or a CIDR range' });

/** Whether signers get a message kind by SMS too: off never, allowed when the sender asked for SMS notifications,
 *  forced always (to signers with a phone number). */
const smsMode = (fallback: 'off' | 'allowed' | 'forced', title: string) =>
  z
    .enum(['off', 'allowed', 'forced'])
    .default(fallback)
    .meta({ title, description: 'off: never; allowed: when the sender ticks "by SMS too"; forced: always, to signers with a phone number.' });

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
    pinTries: z.coerce
      .number()
      .int()
      .min(1)
      .max(50)
      .default(5)
      .meta({ title: 'Wrong sign-in PINs before the account locks', description: 'For accounts that sign in with a PIN by SMS; an administrator unlocks in the user editor.' }),
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
    requirePhone: z.boolean().default(false).meta({ title: 'Every signer needs a phone number', description: 'The start form and the API refuse a signer without one (it is also required when every signer gets an SMS PIN).' }),
    attachments: z
      .enum(['off', 'hidden', 'shown'])
      .default('off')
      .meta({
        title: 'Attachments that are not signed',
        description: 'off: refused; hidden: kept with the process but never shown to signers; shown: signers see them (unless the sender hides them).',
      }),
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
  ldap: section('Directory sync: LDAP / Active Directory', {
    enabled: z.boolean().default(false).meta({ title: 'Keep users in step with an LDAP directory', description: 'Admin → Directory sync runs it on the schedule below and on demand.' }),
    url: z
      .union([z.literal(''), z.string().trim().regex(/^ldaps?:\/\/[^\s/]+\/?$/i, 'ldap://host:port or ldaps://host:port')])
      .default('')
      .meta({ title: 'Server URL', description: 'ldaps://dc1.example.com:636 (TLS from the start) or ldap://…:389 with StartTLS below.' }),
    startTls: z.boolean().default(true).meta({ title: 'Use StartTLS (ldap:// URLs)', description: 'Off only for a test directory: without TLS the bind password crosses the network in clear.' }),
    caBundle: z
      .array(z.string().max(10000))
      .default([])
      .meta({ title: 'CA certificates (PEM)', description: 'The certificates the directory\'s TLS certificate is checked against. Empty: the system\'s trusted CAs.' }),
    bindDn: z.string().trim().max(500).default('').meta({ title: 'Bind account (DN or user@domain)' }),
    bindPassword: z.string().max(500).default('').meta({ title: 'Bind password', secret: true }),
    baseDn: z.string().trim().max(500).default('').meta({ title: 'Base DN of users', description: 'e.g. OU=Staff,DC=example,DC=com' }),
    userFilter: z
      .string()
      .trim()
      .max(1000)
      .default('(&(objectClass=person)(mail=*))')
      .meta({ title: 'User filter', description: 'Active Directory: (&(objectCategory=person)(objectClass=user)(mail=*))' }),
    idAttribute: z.string().trim().min(1).max(100).default('entryUUID').meta({ title: 'Id attribute', description: 'What identifies a person for good: objectGUID on Active Directory, entryUUID on OpenLDAP.' }),
    emailAttribute: z.string().trim().min(1).max(100).default('mail').meta({ title: 'Email attribute' }),
    nameAttribute: z.string().trim().min(1).max(100).default('cn').meta({ title: 'Name attribute', description: 'e.g. displayName' }),
    usernameAttribute: z.string().trim().max(100).default('').meta({ title: 'Username attribute', description: 'e.g. sAMAccountName or uid. Empty: no username.' }),
    phoneAttribute: z.string().trim().max(100).default('mobile').meta({ title: 'Phone attribute', description: 'Users with a phone number sign in with a PIN by SMS; the others set a password on first sign-in.' }),
    groupMapping: z
      .array(z.string().trim().regex(/^.+=>.+$/, 'each line: directory group DN => group name').max(1000))
      .default([])
      .meta({ title: 'Group mapping', description: 'One per line: "CN=Sales,OU=Groups,DC=example,DC=com => Sales". Nested groups count; the first line that fits a user wins.' }),
    pageSize: z.coerce.number().int().min(1).max(5000).default(500).meta({ title: 'Page size', description: 'Entries per page of results (at most the server\'s limit, 1000 on Active Directory).' }),
    intervalMinutes: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60).meta({ title: 'Sync every (minutes)', description: '0: only when an admin presses Sync now.' }),
    timeoutSeconds: z.coerce.number().int().min(1).max(120).default(15).meta({ title: 'Timeout (seconds)' }),
  }),
  entraSync: section('Directory sync: Microsoft Entra ID', {
    enabled: z
      .boolean()
      .default(false)
      .meta({ title: 'Keep users in step with Entra ID', description: 'Uses the tenant and application (client) id of the Entra ID section; the app needs the User.Read.All and GroupMember.Read.All application permissions.' }),
    clientSecret: z.string().max(500).default('').meta({ title: 'Client secret', description: 'Or a certificate below; with both, the secret is used.', secret: true }),
    clientCertificate: z
      .array(z.string().max(10000))
      .default([])
      .meta({ title: 'Client certificate (PEM)', description: 'Instead of a client secret: the certificate uploaded to the app registration.' }),
    clientCertificateKey: z.string().max(10000).default('').meta({ title: 'Private key of the certificate (PEM)', description: 'Unencrypted PKCS#8 ("BEGIN PRIVATE KEY").', secret: true }),
    graphUrl: z.url({ protocol: /^https$/ }).default('https://graph.microsoft.com').meta({ title: 'Microsoft Graph URL', description: 'Change only for national clouds.' }),
    groupMapping: z
      .array(z.string().trim().regex(/^.+=>.+$/, 'each line: group object id => group name').max(1000))
      .default([])
      .meta({ title: 'Group mapping', description: 'One per line: "<Entra group object id> => Sales". The first line that fits a user wins.' }),
    intervalMinutes: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60).meta({ title: 'Sync every (minutes)', description: '0: only when an admin presses Sync now.' }),
  }),
  signatureMethods: section('Signature methods', {
    button: z.boolean().default(true).meta({ title: 'Click to sign (OK button)' }),
    handwritten: z.boolean().default(true).meta({ title: 'Handwritten signature', description: 'Drawn with a finger or the mouse; the drawing is printed on the signatures page.' }),
    sendersChoose: z.boolean().default(true).meta({ title: 'Senders choose the methods per process', description: 'Otherwise every enabled method is offered.' }),
  }),
  signingPurposes: section('Purposes and signing as a user', {
    purposes: z
      .array(z.string().trim().min(1).max(100))
      .max(30)
      .default([])
      .meta({
        title: 'Purposes signers choose from',
        description: 'One per line, e.g. Approved, Reviewed, Acknowledged. The chosen one is part of the signed record. Empty: nobody is asked, and records say "approval".',
      }),
    usersReenterPassword: z.boolean().default(true).meta({
      title: 'Signers who are users of this service re-enter their password',
      description: "When a signer's email belongs to an account with a password, the signing page asks for it (wrong passwords count towards the account's lock). Their own signing key (Admin → Signing keys) is used only then.",
    }),
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
  smsNotifications: section('SMS notifications', {
    invitation: smsMode('allowed', 'Invitations by SMS'),
    forwarded: smsMode('allowed', 'Forwarded requests by SMS'),
    reminder: smsMode('allowed', 'Reminders by SMS'),
    rejected: smsMode('off', 'Rejections by SMS'),
    completed: smsMode('off', 'Completions by SMS'),
  }),
  disclaimer: section('Disclaimer for signers', {
    enabled: z.boolean().default(false).meta({ title: 'Show a disclaimer before anything else', description: 'Signers accept it once; the acceptance is in the audit trail.' }),
    en: z.array(z.string().max(2000)).default([]).meta({ title: 'Text in English', description: 'One paragraph per line. Used for every language that has no text of its own.' }),
    fi: z.array(z.string().max(2000)).default([]).meta({ title: 'Text in Finnish' }),
    sv: z.array(z.string().max(2000)).default([]).meta({ title: 'Text in Swedish' }),
    da: z.array(z.string().max(2000)).default([]).meta({ title: 'Text in Danish' }),
    de: z.array(z.string().max(2000)).default([]).meta({ title: 'Text in German' }),
  }),
  secureDelivery: section('Secure delivery of final documents (Admin → Secure mail)', {
    externalMode: z
      .enum(['attachments', 'smime_or_link', 'link'])
      .default('attachments')
      .meta({
        title: 'Final documents to external recipients',
        description: 'attachments: attached as plain email; smime or link: S/MIME-encrypted when their certificate is known, otherwise a protected download link; link: always a protected download link. External: an address that is no user here.',
      }),
    includeUsers: z.boolean().default(false).meta({ title: 'Users of this organisation too', description: 'Off: users keep getting the final documents attached.' }),
    codeChannel: z
      .enum(['sms_or_email', 'email'])
      .default('sms_or_email')
      .meta({ title: 'One-time code of a download link by', description: 'sms or email: SMS when the recipient signed with a phone number, else a second email; email: always a second email.' }),
    linkValidDays: z.coerce.number().int().min(1).max(365).default(30).meta({ title: 'Download links are valid for (days)' }),
    codeValidMinutes: z.coerce.number().int().min(1).max(24 * 60).default(15).meta({ title: 'A one-time code is valid for (minutes)' }),
    maxWrongCodes: z.coerce.number().int().min(1).max(50).default(5).meta({ title: 'Wrong codes before a download link locks' }),
    signMessages: z.boolean().default(false).meta({ title: "Sign outgoing emails with the organisation's sealing key (S/MIME)" }),
  }),
  mailTransport: section('Mail transport (Admin → Secure mail)', {
    kind: z
      .enum(['smtp', 'graph'])
      .default('smtp')
      .meta({ title: 'Send email through', description: 'smtp: SMTP_URL; graph: Microsoft Graph (sendMail) with the app registration below.' }),
    graphTenantId: z.string().trim().max(100).default('').meta({ title: 'Graph: directory (tenant) id' }),
    graphClientId: z.string().trim().max(100).default('').meta({ title: 'Graph: application (client) id', description: 'Needs the application permission Mail.Send.' }),
    graphClientSecret: z.string().max(500).default('').meta({ title: 'Graph: client secret', secret: true }),
    graphSender: z.string().trim().max(300).default('').meta({ title: 'Graph: sender mailbox', description: 'e.g. sign@acme.example: mail is sent as this mailbox.' }),
    graphAuthorityHost: z
      .url({ protocol: /^https$/ })
      .default('https://login.microsoftonline.com')
      .meta({ title: 'Graph: authority host', description: 'Change only for national clouds.' }),
    graphEndpoint: z.url({ protocol: /^https$/ }).default('https://graph.microsoft.com').meta({ title: 'Graph: API endpoint', description: 'Change only for national clouds.' }),
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
  reports: section('Reports (Admin → Report templates)', {
    templateChoice: z
      .enum(['default_forced', 'user_chooses'])
      .default('default_forced')
      .meta({ title: 'Report template of a process', description: 'default_forced: every process gets the default template; user_chooses: senders pick one their group may use.' }),
    postEnabled: z
      .boolean()
      .default(false)
      .meta({ title: 'Send reports by HTTP POST', description: "Off: the templates' URLs are not called." }),
    postAllowList: z
      .array(z.union([ipOrRange, z.hostname()], { error: 'must be a host name, an IP address or a CIDR range' }))
      .default([])
      .meta({
        title: 'Internal report targets allowed',
        description: 'One host name, address or CIDR range per line. Report URLs resolving to loopback, private or link-local addresses are refused unless listed here.',
      }),
    maxAttempts: z.coerce.number().int().min(1).max(12).default(8).meta({ title: 'Attempts per report URL', description: 'Retried with growing pauses (5 s, 10 s, 20 s …) until it succeeds or this many failed.' }),
    timeoutSeconds: z.coerce.number().int().min(1).max(120).default(20).meta({ title: 'Timeout of one attempt (seconds)' }),
  }),
  fileRooms: section('File rooms (Admin → File rooms)', {
    enabled: z
      .boolean()
      .default(false)
      .meta({ title: 'File rooms enabled', description: 'Shared-folder integrations start processes and get the final documents back. Off: every file room request is refused and nothing is delivered.' }),
    callbackAllowList: z
      .array(z.union([ipOrRange, z.hostname()], { error: 'must be a host name, an IP address or a CIDR range' }))
      .default([])
      .meta({
        title: 'Internal file room callbacks allowed',
        description: 'One host name, address or CIDR range per line. Callback URLs resolving to loopback, private or link-local addresses are refused unless listed here.',
      }),
    maxAttempts: z.coerce.number().int().min(1).max(12).default(8).meta({ title: 'Attempts per delivery', description: 'Retried with growing pauses (5 s, 10 s, 20 s …) until the room accepts it or this many failed.' }),
    timeoutSeconds: z.coerce.number().int().min(1).max(120).default(30).meta({ title: 'Timeout of one delivery attempt (seconds)' }),
  }),
  xmlApi: section('XML API', {
    enabled: z.boolean().default(false).meta({ title: 'XML API enabled', description: 'POST /api/xml with a key from Admin → XML API. Off: every XML request is refused.' }),
    allowedIps: z
      .array(ipOrRange)
      .default([])
      .meta({ title: 'Allowed client addresses', description: 'One address or CIDR range per line (e.g. 192.0.2.0/24). Empty: any address. Keys may narrow this further.' }),
    trustedProxies: z
      .array(ipOrRange)
      .default([])
      .meta({
        title: 'Trusted proxies',
        description: 'Addresses or ranges of your reverse proxies. Only a request arriving from one of them may name the client in X-Forwarded-For; otherwise the connection\'s address counts.',
      }),
  }),
  emailApi: section('Email API (Admin → Email API)', {
    enabled: z
      .boolean()
      .default(false)
      .meta({ title: 'Email API enabled', description: 'The server receives email by SMTP and starts a process from each allowed message. Off: nothing listens.' }),
    host: z
      .union([z.ipv4(), z.ipv6(), z.literal('localhost')], { error: 'must be an IP address (0.0.0.0 for every interface)' })
      .default('127.0.0.1')
      .meta({ title: 'Listen on address', description: '127.0.0.1: only this machine (e.g. a local mail relay); 0.0.0.0: every interface.' }),
    port: z.coerce.number().int().min(1).max(65535).default(2525).meta({ title: 'SMTP port' }),
    maxMessageMb: z.coerce.number().int().min(1).max(200).default(25).meta({ title: 'Largest message (MB)', description: 'Larger messages are refused (552).' }),
    allowedSenders: z
      .array(z.string().trim().toLowerCase().regex(/^([^@\s]+@[^@\s]+|@[^@\s]+)$/, { error: 'must be an address or @domain' }))
      .default([])
      .meta({
        title: 'Allowed senders',
        description: 'One address (anna@example.com) or domain (@example.com) per line. The sender must also be a user of this service: the process is sent in their name. Empty: nobody.',
      }),
    requireStartTls: z.boolean().default(true).meta({ title: 'Require STARTTLS before MAIL FROM', description: 'Messages over an unencrypted connection are refused.' }),
    tlsCertificate: z
      .string()
      .max(20000)
      .default('')
      .meta({ title: 'TLS certificate (PEM)', description: 'With its chain. Empty: a self-signed certificate is made at start (its fingerprint is logged and shown on Admin → Email API).' }),
    tlsKey: z.string().max(20000).default('').meta({ title: 'TLS private key (PEM)', description: 'Unencrypted ("BEGIN PRIVATE KEY").', secret: true }),
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
