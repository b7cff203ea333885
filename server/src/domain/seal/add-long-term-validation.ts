// PAdES B-LT for a sealed file when the sealing certificate comes from a CA: the chain, and revocation data for
// it, fetched now and stored in the file, so the seal can be validated after the certificates expire or the
// responders are gone. A generated, self-signed seal has nothing to add and stays B-B/B-T.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { readPdf } from '../../pdf/read-pdf';
import { readSignatures } from '../../pdf/read-signatures';
import { appendDss } from '../../seal/append-dss';
import { collectValidationData, wantsValidationData } from '../../seal/collect-validation-data';
import type { Ctx } from '../context';

const SIGNATURE_TIMESTAMP = '1.2.840.113549.1.9.16.2.14';

export async function addLongTermValidation(ctx: Ctx, input: { sealed: Uint8Array; seal: { certificatePem: string; chainPem: string[] } }): Promise<Uint8Array> {
  if (!wantsValidationData(input.seal.certificatePem, input.seal.chainPem)) return input.sealed;
  const data = await collectValidationData({
    certificatePem: input.seal.certificatePem,
    chainPem: input.seal.chainPem,
    extraCertificates: timestampCertificates(input.sealed),
    at: ctx.clock(),
  });
  return appendDss(input.sealed, data);
}

/** The certificates inside the seal's signature timestamp token, if it has one. */
function timestampCertificates(sealed: Uint8Array): Uint8Array[] {
  const signatures = readSignatures(readPdf(sealed));
  const seal = signatures[signatures.length - 1];
  const signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(seal.contents).result }).content });
  const token = signed.signerInfos[0]?.unsignedAttrs?.attributes.find((a) => a.type === SIGNATURE_TIMESTAMP)?.values[0];
  if (!token) return [];
  const tokenData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: token }).content });
  return (tokenData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map((c) => new Uint8Array(c.toSchema().toBER()));
}
