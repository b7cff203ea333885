// Runs the Email API listener beside the HTTP server: started with the app, and restarted when the admin changes
// the emailApi settings (read every few seconds, so the change applies in every server process without a restart).
// Its state (listening on host:port, off, or the error) is kept here for Admin → Email API.
import type { Settings } from '@secure-signature/shared';
import type { SMTPServer } from 'smtp-server';
import type { Ctx } from '../domain/context';
import { getSettings } from '../domain/settings/get-settings';
import { createSmtpServer } from './create-smtp-server';
import { emailApiTls } from './email-api-tls';

export type EmailApiStatus =
  | { state: 'off' }
  | { state: 'listening'; host: string; port: number; selfSigned: boolean; fingerprint: string }
  | { state: 'error'; host: string; port: number; error: string };

// One listener per server process, so its status is the process's.
let current: EmailApiStatus = { state: 'off' };
export const emailApiStatus = (): EmailApiStatus => current;

export interface EmailApiListener {
  /** Reads the settings now and (re)starts or stops the listener if they changed. */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

export function startEmailApi(ctx: Ctx, opts: { pollMs?: number } = {}): EmailApiListener {
  let server: SMTPServer | undefined;
  let applied = '';
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const close = async () => {
    const s = server;
    server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  const apply = async (s: Settings['emailApi']) => {
    await close();
    if (!s.enabled || stopped) {
      current = { state: 'off' };
      return;
    }
    try {
      const tls = emailApiTls(s);
      if (tls.selfSigned) ctx.log.info('email api: no TLS certificate configured; using a self-signed one', { sha256: tls.fingerprint });
      const next = createSmtpServer(ctx, s, tls);
      await new Promise<void>((resolve, reject) => {
        next.once('error', reject);
        next.listen(s.port, s.host, () => {
          next.off('error', reject);
          resolve();
        });
      });
      next.on('error', (err: Error) => ctx.log.warn('email api: connection error', { error: err.message }));
      server = next;
      const port = (next.server.address() as { port: number }).port;
      current = { state: 'listening', host: s.host, port, selfSigned: tls.selfSigned, fingerprint: tls.fingerprint };
      ctx.log.info('email api: listening', { host: s.host, port });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      // Logged once per cause; tried again on every check (the port may be freed).
      if (current.state !== 'error' || current.error !== error) ctx.log.error('email api: cannot listen', { host: s.host, port: s.port, error });
      current = { state: 'error', host: s.host, port: s.port, error };
    }
  };

  const refresh = () => {
    running = running.then(async () => {
      if (stopped) return;
      const { emailApi } = await getSettings(ctx);
      const key = JSON.stringify(emailApi);
      if (key === applied && current.state !== 'error') return;
      applied = key;
      await apply(emailApi);
    }).catch((err: unknown) => ctx.log.error('email api: settings check failed', { error: err instanceof Error ? err.message : String(err) }));
    return running;
  };

  void refresh();
  const timer = setInterval(() => void refresh(), opts.pollMs ?? 5000);
  timer.unref();
  return {
    refresh,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await close();
      current = { state: 'off' };
    },
  };
}
