// Every spelling of an internal address is refused, public ones pass, and the allow list opens exactly what it names.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkReportUrl, type Resolve } from './check-report-url';

const dns: Record<string, string[]> = {
  'public.example': ['93.184.216.34'],
  'internal.example': ['10.1.2.3'],
  'mixed.example': ['93.184.216.34', '192.168.1.5'],
  'v6.example': ['2606:4700::1111'],
  'mapped.example': ['::ffff:127.0.0.1'],
  localhost: ['127.0.0.1', '::1'],
};
const resolve: Resolve = async (host) => {
  const list = dns[host];
  if (!list) throw new Error('ENOTFOUND');
  return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const check = (url: string, allowList: string[] = []) => checkReportUrl(url, { allowList, resolve });
const refused = (url: string, allowList: string[] = []) => assert.rejects(check(url, allowList), (e: Error & { code?: string }) => e.code === 'invalid_input', url);

describe('checkReportUrl', () => {
  test('public addresses pass and are pinned', async () => {
    assert.equal((await check('https://public.example/hook')).address, '93.184.216.34');
    assert.deepEqual(await check('http://[2606:4700::1111]/x').then((c) => [c.address, c.family]), ['2606:4700::1111', 6]);
    assert.equal((await check('https://v6.example/')).family, 6);
  });

  for (const url of [
    'http://127.0.0.1/',
    'http://localhost/',
    'http://2130706433/', // decimal 127.0.0.1
    'http://0x7f000001/', // hex
    'http://0177.0.0.1/', // octal
    'http://0x7f.1/', // short hex form
    'http://[::1]/',
    'http://[::ffff:7f00:1]/', // IPv4-mapped loopback
    'http://[::ffff:10.0.0.1]/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.0.10/',
    'http://169.254.169.254/latest/meta-data/', // link-local (cloud metadata)
    'http://[fe80::1]/',
    'http://[fd00::1]/', // unique local
    'http://224.0.0.1/', // multicast
    'http://0.0.0.0/', // unspecified
    'http://[::]/',
    'http://100.64.0.1/', // carrier-grade NAT
    'https://internal.example/',
    'https://mixed.example/', // one private answer is enough to refuse
    'https://mapped.example/',
  ]) {
    test(`refuses ${url}`, () => refused(url));
  }

  test('refuses other schemes, credentials and names that do not resolve', async () => {
    await refused('ftp://public.example/');
    await refused('file:///etc/passwd');
    await refused('https://user:pw@public.example/');
    await refused('https://nowhere.example/');
  });

  test('the allow list opens a host name or a CIDR, and nothing else', async () => {
    assert.equal((await check('https://internal.example/', ['internal.example'])).address, '10.1.2.3');
    assert.equal((await check('http://127.0.0.1:8080/', ['127.0.0.0/8'])).address, '127.0.0.1');
    assert.equal((await check('http://2130706433/', ['127.0.0.1'])).address, '127.0.0.1');
    assert.equal((await check('http://[::ffff:7f00:1]/', ['127.0.0.0/8'])).address, '127.0.0.1');
    assert.equal((await check('http://[::1]/', ['::1/128'])).address, '::1');
    await refused('http://10.0.0.1/', ['127.0.0.0/8']);
    await refused('https://mixed.example/', ['internal.example']);
    await refused('http://[::1]/', ['127.0.0.0/8']);
  });
});
