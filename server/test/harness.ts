// Integration-test harness: the real app (createApp) on a fresh database of either kind, with its worker,
// helpers to make users, tokens, PDFs and multipart requests. Used by every *.integration.test.ts.
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { StartProcessInput } from '@secure-signature/shared';
import { loadConfig, type Config } from '../src/config/config';
import { openDatabase, type Database } from '../src/db/database';
import type { Ctx } from '../src/domain/context';
import { createSecrets } from '../src/domain/secrets';
import { ensureSealKey } from '../src/domain/seal/ensure-seal-key';
import { issueApiToken } from '../src/domain/token/issue-api-token';
import { createUser } from '../src/domain/user/create-user';
import { createApp } from '../src/http/app';
import { startJobs } from '../src/jobs/start-jobs';
import { createLogger } from '../src/logger';
import { createBlobStore } from '../src/storage/blob-store';

export type DbKind = 'pglite' | 'postgres';
export const dbKinds: DbKind[] = ['pglite', 'postgres'];

/** The PostgreSQL server the tests use (the one on this machine unless TEST_POSTGRES_URL says otherwise). */
export const testPostgresUrl = (db = 'postgres') =>
  (process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/').replace(/\/[^/]*$/, `/${db}`);

/** A new, empty PostgreSQL database; dropped by the returned function. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ss_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(testPostgresUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    url: testPostgresUrl(name),
    drop: async () => {
      const a = postgres(testPostgresUrl(), { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  ctx: Ctx;
  database: Database;
  config: Config;
  /** Runs the outbox until it is empty (sealing, delivery). */
  drain(): Promise<number>;
  close(): Promise<void>;
  /** A user with an API token. */
  user(opts?: { isAdmin?: boolean; email?: string }): Promise<{ id: string; email: string; token: string; password: string }>;
}

export const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export async function startTestApp(kind: DbKind, env: Record<string, string> = {}, opts: { clock?: () => Date } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ss-test-'));
  const pg = kind === 'postgres' ? await createPostgresDatabase() : undefined;
  const config = loadConfig({
    PUBLIC_URL: 'http://localhost:3999',
    WORKER_ENABLED: 'false',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ...(pg ? { DATABASE_URL: pg.url } : {}),
    ...env,
  });
  const database = await openDatabase(pg ? { kind: 'postgres', url: pg.url } : { kind: 'pglite' });
  const ctx: Ctx = {
    db: database.db,
    config,
    secrets: createSecrets(SECRET),
    blobs: createBlobStore(config.fileStorage, config.dataDir),
    clock: opts.clock ?? (() => new Date()),
    log: createLogger(config.logLevel),
  };
  await ensureSealKey(ctx);
  const worker = startJobs(ctx, { autoStart: false });
  let n = 0;
  return {
    app: createApp(ctx),
    ctx,
    database,
    config,
    drain: () => worker.drain(),
    async close() {
      await worker.stop();
      await database.close();
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async user(opts = {}) {
      const password = 'correct horse battery';
      const email = opts.email ?? `user${++n}-${randomBytes(3).toString('hex')}@example.test`;
      const actor = await createUser(ctx, { email, password, name: `User ${n}`, isAdmin: opts.isAdmin });
      const { token } = await issueApiToken({ ...ctx, actor }, { label: 'test' });
      return { id: actor.id, email, token, password };
    },
  };
}

/** A small valid PDF with `pages` pages of text. */
export async function makePdf(text = 'Contract', pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`${text} page ${i + 1}`, { x: 50, y: 750, size: 18, font });
  return doc.save();
}

export type ProcessRequest = Partial<StartProcessInput>;

/** The multipart body of POST /api/v1/processes. */
export function processForm(
  process: ProcessRequest | string,
  documents: { name: string; bytes: Uint8Array; type?: string }[],
  attachments: { name: string; bytes: Uint8Array; type?: string }[] = [],
): FormData {
  const form = new FormData();
  form.set('process', typeof process === 'string' ? process : JSON.stringify({ title: 'Employment contract', ...process }));
  for (const d of documents) form.append('documents', new Blob([d.bytes as Uint8Array<ArrayBuffer>], { type: d.type ?? 'application/pdf' }), d.name);
  for (const a of attachments) form.append('attachments', new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.type ?? 'application/octet-stream' }), a.name);
  return form;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Signs in through the login form as a browser would; returns the headers that carry the session. */
export async function signInHeaders(t: TestApp, login: string, password: string, userAgent = 'UA'): Promise<{ Cookie: string; 'User-Agent': string }> {
  const res = await t.app.request('/login', {
    method: 'POST',
    headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': userAgent },
    body: new URLSearchParams({ login, password }).toString(),
  });
  const cookie = res.headers.get('set-cookie')?.match(/ss_session=([^;]+)/)?.[1];
  if (!cookie) throw new Error(`sign-in as ${login} failed with ${res.status}`);
  return { Cookie: `ss_session=${cookie}`, 'User-Agent': userAgent };
}

/** A PDF of about `megabytes` MB: one page and a large stream of random bytes (as an image-heavy file would be). */
export async function makeLargePdf(megabytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Large document', { x: 50, y: 750, size: 18, font });
  const bytes = randomBytes(Math.round(megabytes * 1024 * 1024));
  doc.context.register(doc.context.stream(bytes, { Type: 'XObject', Subtype: 'Image', Width: 1024, Height: bytes.length / 3072, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }));
  return doc.save();
}

/** A PNG data URL as the signing page's pad sends it: a white `width`×`height` image with a dark stroke. */
export function signaturePng(width = 300, height = 90): string {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xff);
    row[0] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      // A wave, two pixels thick: something visible on the signatures page.
      if (Math.abs(y - (height / 2 + Math.sin(x / 12) * height * 0.3)) < 2) row.fill(0x20, 1 + x * 3, 4 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** Changes some settings of some sections through the admin API (PUT replaces all, so the rest is sent as it is). */
export async function changeSettings(t: TestApp, adminToken: string, change: Record<string, Record<string, unknown>>): Promise<void> {
  const current = await (await t.app.request('/api/v1/admin/settings', { headers: bearer(adminToken) })).json();
  for (const [section, values] of Object.entries(change)) current[section] = { ...current[section], ...values };
  const res = await t.app.request('/api/v1/admin/settings', { method: 'PUT', headers: { ...bearer(adminToken), 'Content-Type': 'application/json' }, body: JSON.stringify(current) });
  if (res.status !== 200) throw new Error(`settings refused: ${res.status} ${await res.text()}`);
}
