// Asks RFC 3161 timestamp authorities, in order, for a token over data (the seal's signature value), and checks
// that the answer is granted and carries our message imprint and nonce before it is embedded.
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const SHA256 = '2.16.840.1.101.3.4.2.1';

export interface Timestamp {
  /** The TimeStampToken (a CMS ContentInfo), DER. */
  token: Uint8Array;
  time: Date;
  url: string;
}

export class TimestampError extends Error {}

export async function requestTimestamp(input: { urls: string[]; data: Uint8Array; timeoutMs?: number; random?: (size: number) => Buffer }): Promise<Timestamp> {
  const imprint = createHash('sha256').update(input.data).digest();
  const failures: string[] = [];
  for (const url of input.urls) {
    const nonce = timestampNonce((input.random ?? randomBytes)(8));
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
        hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
      }),
      nonce: new asn1js.Integer({ valueHex: nonce }),
      certReq: true,
    });
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/timestamp-query' },
        body: new Uint8Array(request.toSchema().toBER()),
        signal: AbortSignal.timeout(input.timeoutMs ?? 15_000),
      });
      if (!res.ok) throw new TimestampError(`HTTP ${res.status}`);
      return { ...checkResponse(new Uint8Array(await res.arrayBuffer()), imprint, nonce), url };
    } catch (err) {
      failures.push(`${url}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new TimestampError(`no timestamp authority answered: ${failures.join('; ')}`);
}

/**
 * A positive INTEGER whose DER encoding is exactly these bytes: the first byte is neither 0 (a non-minimal encoding,
 * which strict authorities such as `openssl ts` reject as a malformed request) nor ≥ 0x80 (a negative number).
 */
export function timestampNonce(random: Buffer): Buffer {
  const nonce = Buffer.from(random);
  nonce[0] = 0x40 | (nonce[0] & 0x3f);
  return nonce;
}

function checkResponse(body: Uint8Array, imprint: Buffer, nonce: Buffer): { token: Uint8Array; time: Date } {
  const response = pkijs.TimeStampResp.fromBER(body as Uint8Array<ArrayBuffer>);
  if (response.status.status > 1 || !response.timeStampToken) {
    throw new TimestampError(`refused (status ${response.status.status}${response.status.statusStrings ? `: ${response.status.statusStrings.map((s) => s.valueBlock.value).join(' ')}` : ''})`);
  }
  const info = readTstInfo(response.timeStampToken);
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(imprint)) {
    throw new TimestampError('the token is for different data');
  }
  if (!info.nonce || !Buffer.from(info.nonce.valueBlock.valueHexView).equals(nonce)) throw new TimestampError('the token answers another request (nonce)');
  return { token: new Uint8Array(response.timeStampToken.toSchema().toBER()), time: info.genTime };
}

/** The TSTInfo inside a timestamp token: what was stamped, and when. */
export function readTstInfo(token: pkijs.ContentInfo): pkijs.TSTInfo {
  const signed = new pkijs.SignedData({ schema: token.content });
  const content = signed.encapContentInfo.eContent;
  if (!content) throw new TimestampError('the token has no content');
  return pkijs.TSTInfo.fromBER(content.valueBlock.valueHexView as Uint8Array<ArrayBuffer>);
}
