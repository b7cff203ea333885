// Reads a PKCS#12 (.p12/.pfx) file with its password (pkijs on Node's WebCrypto): the private key and its
// certificate, plus any other certificates (the chain). Modern files (PBES2 with AES, as `openssl pkcs12 -export`
// writes by default) are read; legacy RC2/3DES encryption is refused with a way out.
import { createPrivateKey, createPublicKey, sign, verify, X509Certificate } from 'node:crypto';
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';

export class Pkcs12Error extends Error {
  name = 'Pkcs12Error';
}

export type KeyAndCertificate = { privateKeyPem: string; certificatePem: string; chainPem: string[] };

const pem = (label: string, der: ArrayBuffer) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;

export async function readPkcs12(bytes: Uint8Array, password: string): Promise<KeyAndCertificate> {
  const asn1 = asn1js.fromBER(new Uint8Array(bytes).buffer);
  if (asn1.offset === -1) throw new Pkcs12Error('The file is not a PKCS#12 (.p12 or .pfx) file');
  const pass = new TextEncoder().encode(password).buffer;
  let pfx: pkijs.PFX;
  try {
    pfx = new pkijs.PFX({ schema: asn1.result });
    await pfx.parseInternalValues({ password: pass, checkIntegrity: true });
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    throw new Pkcs12Error(/integrity|mac/i.test(text) ? 'The password is wrong, or the file is damaged' : 'The file is not a PKCS#12 (.p12 or .pfx) file');
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Pkcs12Error('The PKCS#12 file holds nothing readable');
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: pass })) });
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    throw new Pkcs12Error(
      /algorithm|not supported|unsupported/i.test(text)
        ? 'The file uses old encryption (RC2 or 3DES); export it again without -legacy, e.g. openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC'
        : 'The password is wrong, or the file is damaged',
    );
  }
  let keyDer: ArrayBuffer | undefined;
  const certs: ArrayBuffer[] = [];
  for (const contents of safe.parsedValue?.safeContents ?? []) {
    for (const bag of contents.value.safeBags) {
      if (bag.bagId === KEY_BAG) {
        // pkijs declares this protected, but it is how a shrouded key bag is decrypted.
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag & { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> };
        await shrouded.parseInternalValues({ password: pass });
        keyDer = shrouded.parsedValue!.toSchema().toBER();
      } else if (bag.bagId === CERT_BAG) {
        certs.push((bag.bagValue as pkijs.CertBag).parsedValue.toSchema().toBER());
      }
    }
  }
  if (!keyDer) throw new Pkcs12Error('The PKCS#12 file has no private key');
  if (certs.length === 0) throw new Pkcs12Error('The PKCS#12 file has no certificate');

  const privateKey = createPrivateKey({ key: Buffer.from(keyDer), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  // The certificate whose public key is the private key's; the others are the chain.
  const own = certs.map((der) => new X509Certificate(Buffer.from(der))).find((c) => c.publicKey.export({ type: 'spki', format: 'der' }).equals(publicKey.export({ type: 'spki', format: 'der' })));
  if (!own) throw new Pkcs12Error("None of the file's certificates belongs to its private key");
  const probe = Buffer.from('secure-signature key check');
  if (!verify('sha256', probe, own.publicKey, sign('sha256', probe, privateKey))) throw new Pkcs12Error('The private key does not match the certificate');
  const type = privateKey.asymmetricKeyType;
  const details = privateKey.asymmetricKeyDetails ?? {};
  if (type === 'rsa' && (details.modulusLength ?? 0) < 2048) throw new Pkcs12Error('RSA keys must have at least 2048 bits');
  if (type === 'ec' && !['prime256v1', 'P-256'].includes(String(details.namedCurve))) throw new Pkcs12Error('EC keys must be on the P-256 curve');
  // DSA only for legacy keys an organisation already has (it cannot be generated here); 2048 bits as for RSA.
  if (type === 'dsa' && (details.modulusLength ?? 0) < 2048) throw new Pkcs12Error('DSA keys must have at least 2048 bits');
  if (type !== 'rsa' && type !== 'ec' && type !== 'dsa') throw new Pkcs12Error(`A ${type} key cannot seal documents here: use RSA (2048 bits or more) or ECDSA P-256`);
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: own.toString(),
    chainPem: certs.map((der) => pem('CERTIFICATE', der)).filter((p) => new X509Certificate(p).fingerprint256 !== own.fingerprint256),
  };
}
