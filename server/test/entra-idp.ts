// Test stand-in for Microsoft Entra ID's token side: a local RSA key, its JWKS served over HTTP where Entra
// serves it ({authority}/common/discovery/v2.0/keys), and access tokens shaped like Entra's v2 tokens.
// Entra cannot run offline; the server under test uses its real JWKS fetching and jose checks against this.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export type EntraClaims = { tid: string; oid: string; preferred_username: string; name?: string; aud: string; iss?: string; expiresIn?: string | number };

export interface EntraStandIn {
  authority: string;
  /** A token signed by the authority's key (or, with `foreignKey`, by a key the JWKS does not have). */
  token(claims: EntraClaims, opts?: { foreignKey?: boolean }): Promise<string>;
  keyRequests(): number;
  close(): Promise<void>;
}

export async function startEntraStandIn(): Promise<EntraStandIn> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', use: 'sig', alg: 'RS256' };
  let requests = 0;
  const server: Server = createServer((req, res) => {
    if (req.url === '/common/discovery/v2.0/keys') {
      requests++;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authority,
    async token({ expiresIn = '1h', iss, aud, ...claims }, opts = {}) {
      const key: CryptoKey = opts.foreignKey ? foreign.privateKey : privateKey;
      return new SignJWT({ ...claims, ver: '2.0', scp: 'access_as_user' })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key-1', typ: 'JWT' })
        .setIssuer(iss ?? `${authority}/${claims.tid}/v2.0`)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(key);
    },
    keyRequests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
