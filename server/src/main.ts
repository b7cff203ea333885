// Starts Secure Signature: configuration, database and migrations, first admin, sealing key, HTTP server and the
// outbox worker. Prints where it listens and, on first start, the admin's generated password (once).
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from './config/config';
import { openDatabase } from './db/database';
import { createSecrets, loadServerSecret } from './domain/secrets';
import { ensureAdmin } from './domain/user/ensure-admin';
import { ensureSealKey } from './domain/seal/ensure-seal-key';
import { createApp } from './http/app';
import { createLogger } from './logger';
import { createBlobStore } from './storage/blob-store';
import { startJobs } from './jobs/start-jobs';

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: `${config.dataDir}/pglite` },
  );
  const ctx = {
    db: database.db,
    config,
    secrets: createSecrets(loadServerSecret(config.serverSecret, config.dataDir)),
    blobs: createBlobStore(config.fileStorage, config.dataDir),
    clock: () => new Date(),
    log,
  };
  const admin = await ensureAdmin(ctx);
  await ensureSealKey(ctx);
  const worker = startJobs(ctx, { autoStart: config.workerEnabled });
  const server = serve({ fetch: createApp(ctx).fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Secure Signature is running at ${config.publicUrl} (listening on ${info.address}:${info.port}, database: ${database.kind})`);
    if (admin.generatedPassword) {
      console.log(`First admin: ${admin.email} / password: ${admin.generatedPassword}  (shown once; change it on the Account page)`);
    } else if (admin.created) {
      console.log(`First admin: ${admin.email} (password from ADMIN_PASSWORD)`);
    }
    if (!config.smtpUrl) console.log(`Email is not sent (no SMTP_URL): read it in the outbox at ${config.publicUrl}/outbox`);
  });

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    server.close();
    await worker.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
