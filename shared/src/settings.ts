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
  }),
  sealing: section('Sealing and timestamps', {
    tsaUrls: z
      .array(z.url({ protocol: /^https?$/ }))
      .default([])
      .meta({ title: 'Timestamp authorities (RFC 3161)', description: 'One URL per line, tried in order. With one, seals carry a timestamp (PAdES B-T).' }),
  }),
  reminders: section('Reminders and expiry', {
    firstAfterDays: z.coerce.number().int().min(0).max(365).default(0).meta({ title: 'First automatic reminder after (days)', description: '0: no automatic reminders.' }),
    repeatEveryDays: z.coerce.number().int().min(1).max(365).default(3).meta({ title: 'Repeat every (days)' }),
    maxReminders: z.coerce.number().int().min(0).max(50).default(3).meta({ title: 'At most this many reminders' }),
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
