// What the start form (the Outlook task pane and /start in the web UI) asks of the server before and around
// starting a process: its configuration, the signed-in user and the address book.
import { z } from 'zod';
import { signatureMethod, signaturePagePosition } from './process';

export const startFormConfig = z.object({
  organizationName: z.string(),
  /** The largest file the server takes, in bytes. */
  maxUploadBytes: z.number(),
  /** Set when the admin configured Microsoft Entra ID: the pane then signs in with nested app authentication. */
  entra: z.object({ clientId: z.string(), authority: z.string(), scope: z.string() }).nullable(),
  options: z.object({
    allowSigningOrder: z.boolean(),
    allowSignaturePageChoice: z.boolean(),
    signaturePagePosition: signaturePagePosition,
    allowSenderSigns: z.boolean(),
    /** The methods the admin enabled; senders pick from them when `chooseMethods`. */
    signatureMethods: z.array(z.object({ id: signatureMethod, label: z.string() })),
    chooseMethods: z.boolean(),
    allowForceDownload: z.boolean(),
    allowSmsNotifications: z.boolean(),
    allowForwarding: z.boolean(),
    /** Attachments that are not signed: off (refused), hidden from signers, or shown (the sender may hide them). */
    attachments: z.enum(['off', 'hidden', 'shown']),
    /** Whether senders may give signers an organisation and a position title. */
    signerDetails: z.boolean(),
    /** Every signer needs a phone number: the admin requires one, or an SMS PIN of every signer. */
    requirePhone: z.boolean(),
    /** Warn a sender who asks one signer and does not sign too. */
    warnSingleSigner: z.boolean(),
    /** The admin's reminder rhythm, and whether senders may set their own per process. */
    reminders: z.object({ firstAfterDays: z.number(), repeatEveryDays: z.number(), maxReminders: z.number(), sendersOverride: z.boolean() }),
  }),
});
export type StartFormConfig = z.infer<typeof startFormConfig>;

export const currentUser = z.object({ id: z.string(), email: z.string(), name: z.string().nullable(), isAdmin: z.boolean() });
export type CurrentUser = z.infer<typeof currentUser>;

export const addressBookEntry = z.object({
  email: z.string(),
  name: z.string().nullable(),
  /** recent: a signer of the user's own processes in the last 180 days; global: defined by the admin. */
  source: z.enum(['recent', 'global']),
});
export type AddressBookEntry = z.infer<typeof addressBookEntry>;

/** Where a process was started; the client says so in the X-Client header. */
export const startClient = z.enum(['outlook', 'web']);
export type StartClient = z.infer<typeof startClient>;

/** The admin's groups a sender may name in a signature block (signed-in senders only). */
export const blockGroups = z.object({ groups: z.array(z.string()) });
export type BlockGroups = z.infer<typeof blockGroups>;
