// Turns the body of POST /api/xml into a DOM, refusing anything dangerous before a parser sees it: only UTF-8,
// no DOCTYPE (so no DTD, no external or internal entities, no billion laughs), then validation against the
// published XSD by libxml2 (xmllint-wasm: in a worker, no network, no file system of ours, no entity
// substitution), and only then parsing with xmldom, which never loads anything.
import { readFileSync } from 'node:fs';
import { DOMParser, type Document } from '@xmldom/xmldom';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { DomainError } from '../domain/errors';

export const XML_NS = 'urn:secure-signature:xml-api:1';
export const xsdText = readFileSync(new URL('./secure-signature.xsd', import.meta.url), 'utf8');

const DECLARED_ENCODING = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/;

/** Cheap checks on the raw bytes: readable UTF-8, no DTD of any kind. */
export function precheckXml(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DomainError('invalid_input', 'The request body is empty; send an XML document');
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    throw new DomainError('invalid_input', 'The XML must be encoded in UTF-8');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DomainError('invalid_input', 'The XML must be encoded in UTF-8');
  }
  const encoding = DECLARED_ENCODING.exec(text)?.[1];
  if (encoding && !/^utf-?8$/i.test(encoding)) throw new DomainError('invalid_input', 'The XML must be encoded in UTF-8');
  // A DOCTYPE is never needed: the schema is the XSD. Refusing it refuses external entities (XXE), entity
  // expansion (billion laughs, numeric-reference tricks) and DTD loading in one place.
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new DomainError('invalid_input', 'DTDs and entity declarations are not allowed (no <!DOCTYPE>)');
  }
  return text;
}

/** Validates against the XSD; the first errors are named in the message. */
export async function validateAgainstXsd(text: string): Promise<void> {
  const result = await validateXML({
    xml: [{ fileName: 'request.xml', contents: text }],
    schema: [{ fileName: 'secure-signature.xsd', contents: xsdText }],
    // Room for base64 documents: the default is 32 MiB.
    maxMemoryPages: Math.min(memoryPages.max, memoryPages.defaultMaxMemoryPages + Math.ceil((text.length * 4) / (64 * 1024))),
    // --nonet: never fetch anything, whatever the document says.
    modifyArguments: (args) => ['--nonet', ...args],
  });
  if (!result.valid) {
    const first = result.errors.slice(0, 3).map((e) => (e.loc ? `line ${e.loc.lineNumber}: ` : '') + e.message.trim());
    throw new DomainError('invalid_input', `The XML does not match the schema (/api/xml/schema.xsd): ${first.join('; ') || 'not well-formed'}`);
  }
}

/** The whole pipeline: precheck, XSD, parse. */
export async function readXmlRequest(bytes: Uint8Array): Promise<Document> {
  const text = precheckXml(bytes);
  await validateAgainstXsd(text);
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(text, 'application/xml');
  if (errors.length > 0) throw new DomainError('invalid_input', `The XML could not be read: ${errors[0]}`);
  return doc;
}
