// The one place that reads the environment. Validated at start: a wrong value stops the server with a message
// naming the variable, instead of failing later in some request.
import { z } from 'zod';

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p + '//')), {
      error: `must start with ${protocols.map((p) => p + '//').join(' or ')}`,
    })
    .refine((v) => v === undefined || URL.canParse(v), { error: 'is not a valid URL' });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalUrl(['http:', 'https:']),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  FILE_STORAGE: z.enum(['database', 'filesystem']).optional(),
  TSA_URLS: z
    .string()
    .default('')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .refine((urls) => urls.every((u) => /^https?:\/\//.test(u) && URL.canParse(u)), { error: 'must be http(s) URLs separated by commas' }),
  MAIL_FROM: z.string().default('Secure Signature <no-reply@localhost>'),
  ADMIN_EMAIL: z.email().default('admin@localhost'),
  ADMIN_PASSWORD: z.string().min(8, { error: 'must be at least 8 characters' }).optional(),
  ORGANIZATION_NAME: z.string().min(1).default('Secure Signature'),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
  MAX_REQUEST_MB: z.coerce.number().positive().max(4096).default(100),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  SERVER_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  WORKER_POLL_MS: z.coerce.number().int().min(10).default(1000),
  WORKER_LEASE_SECONDS: z.coerce.number().int().min(1).default(120),
  WORKER_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  smtpUrl?: string;
  /** RFC 3161 timestamp authorities, tried in order; none means seals without a timestamp (PAdES B-B). */
  tsaUrls: string[];
  /** Where file bytes live: in PostgreSQL (shared by every server process) or under DATA_DIR/files. */
  fileStorage: 'database' | 'filesystem';
  mailFrom: string;
  adminEmail: string;
  adminPassword?: string;
  organizationName: string;
  maxUploadBytes: number;
  maxRequestBytes: number;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy: boolean;
  serverSecret?: string;
  workerPollMs: number;
  /** How long a claimed job is reserved for its worker; after that a crashed worker's job is taken again. */
  workerLeaseSeconds: number;
  workerEnabled: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    tsaUrls: e.TSA_URLS,
    // PGlite is slow with large bytea values, so embedded installs keep files on disk.
    fileStorage: e.FILE_STORAGE ?? (e.DATABASE_URL ? 'database' : 'filesystem'),
    mailFrom: e.MAIL_FROM,
    adminEmail: e.ADMIN_EMAIL.toLowerCase(),
    adminPassword: e.ADMIN_PASSWORD,
    organizationName: e.ORGANIZATION_NAME,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    maxRequestBytes: Math.round(e.MAX_REQUEST_MB * 1024 * 1024),
    trustProxy: e.TRUST_PROXY,
    serverSecret: e.SERVER_SECRET,
    workerPollMs: e.WORKER_POLL_MS,
    workerLeaseSeconds: e.WORKER_LEASE_SECONDS,
    workerEnabled: e.WORKER_ENABLED,
    logLevel: e.LOG_LEVEL,
  };
}
