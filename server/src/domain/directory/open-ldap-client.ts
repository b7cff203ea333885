// Connects and binds to the configured LDAP directory: LDAPS, or plain LDAP upgraded with StartTLS, the server's
// certificate checked against the admin's CA bundle (else the system's CAs). Failures become one clear sentence
// for the admin page; the bind password never appears in them.
import { Client, InvalidCredentialsError, NoSuchObjectError } from 'ldapts';
import type { Settings } from '@secure-signature/shared';
import { DirectoryError } from './directory-error';

export type LdapSettings = Settings['ldap'];

export async function openLdapClient(config: LdapSettings): Promise<Client> {
  if (!config.url) throw new DirectoryError('No server URL is set');
  const url = new URL(config.url);
  const ca = config.caBundle.length > 0 ? [config.caBundle.join('\n')] : undefined;
  const tlsOptions = { ca, servername: isIp(url.hostname) ? undefined : url.hostname, minVersion: 'TLSv1.2' as const };
  const client = new Client({
    url: config.url,
    timeout: config.timeoutSeconds * 1000,
    connectTimeout: config.timeoutSeconds * 1000,
    tlsOptions: url.protocol === 'ldaps:' ? tlsOptions : undefined,
  });
  try {
    if (url.protocol === 'ldap:' && config.startTls) await client.startTLS(tlsOptions);
    await client.bind(config.bindDn, config.bindPassword);
    return client;
  } catch (err) {
    await client.unbind().catch(() => {});
    throw describeLdapError(err, config);
  }
}

const isIp = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

const certificateCodes = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** One sentence an admin can act on. */
export function describeLdapError(err: unknown, config: LdapSettings): DirectoryError {
  if (err instanceof DirectoryError) return err;
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && certificateCodes.has(code)) {
    return new DirectoryError(`The directory's TLS certificate is not trusted (${code}): check the CA certificates and the host name in the URL`);
  }
  if (code === 'ECONNREFUSED') return new DirectoryError(`Could not connect to ${config.url}: connection refused`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new DirectoryError(`Could not find the host of ${config.url}`);
  if (err instanceof InvalidCredentialsError) return new DirectoryError('The directory refused the bind account or its password');
  if (err instanceof NoSuchObjectError) return new DirectoryError(`The base DN ${config.baseDn} does not exist in the directory`);
  if (/timeout|timed out/i.test(message)) return new DirectoryError(`The directory did not answer within ${config.timeoutSeconds} seconds`);
  return new DirectoryError(`The directory answered: ${message.trim() || err?.constructor?.name || 'an unknown error'}`);
}
