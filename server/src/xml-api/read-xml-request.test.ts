import assert from 'node:assert/strict';
import { test } from 'node:test';
import { precheckXml, readXmlRequest } from './read-xml-request';

const enc = (s: string) => new TextEncoder().encode(s);
const status = '<StatusRequest xmlns="urn:secure-signature:xml-api:1"><ProcessId>3f2504e0-4f89-11d3-9a0c-0305e82c3301</ProcessId></StatusRequest>';

test('the precheck refuses every DTD, other encodings and empty bodies, and passes plain documents', () => {
  for (const bad of ['<!DOCTYPE a><a/>', '<?xml version="1.0"?>\n<!doctype a [<!ENTITY x "y">]><a/>', '<a><!ENTITY x "y"></a>']) {
    assert.throws(() => precheckXml(enc(bad)), /DOCTYPE/);
  }
  assert.throws(() => precheckXml(enc('<?xml version="1.0" encoding="windows-1252"?><a/>')), /UTF-8/);
  assert.throws(() => precheckXml(new Uint8Array([0xfe, 0xff, 0, 0x3c])), /UTF-8/);
  assert.throws(() => precheckXml(new Uint8Array([0x3c, 0x61, 0xff, 0x3e])), /UTF-8/);
  assert.throws(() => precheckXml(new Uint8Array()), /empty/);
  assert.equal(precheckXml(enc(`<?xml version="1.0" encoding="utf-8"?>${status}`)).length > 0, true);
});

test('a valid request becomes a DOM; an invalid one names the schema error', async () => {
  const doc = await readXmlRequest(enc(status.replace('3f2504e0', '&#x33;f2504e0')));
  assert.equal(doc.documentElement?.localName, 'StatusRequest');
  assert.equal(doc.documentElement?.textContent, '3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  await assert.rejects(readXmlRequest(enc(status.replace('StatusRequest', 'Nonsense').replace('StatusRequest', 'Nonsense'))), /schema.*Nonsense/);
  await assert.rejects(readXmlRequest(enc('<StatusRequest xmlns="urn:secure-signature:xml-api:1">')), /schema/);
});
