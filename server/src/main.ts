// Starts Secure Signature: configuration, database and migrations, first admin, sealing key, HTTP server and the
// outbox worker. Prints where it listens and, on first start, the admin's generated password (once).
import { serve } from '@hono/node-server';
import { createAppContext } from './app-context';
import { ConfigError, loadConfig } from './config/config';
import { ensureAdmin } from './domain/user/ensure-admin';
import { ensureSealKey } from './domain/seal/ensure-seal-key';
import { createApp } from './http/app';
import { startJobs } from './jobs/start-jobs';
import { startEmailApi } from './email-api/start-email-api';

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
  const { ctx, database } = await createAppContext(config);
  const admin = await ensureAdmin(ctx);
  await ensureSealKey(ctx);
  const worker = startJobs(ctx, { autoStart: config.workerEnabled });
  // The Email API's SMTP listener, when the admin turned it on (Admin → Email API); follows setting changes.
  const emailApi = startEmailApi(ctx);
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
    await emailApi.stop();
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
