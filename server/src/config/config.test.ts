import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config';

test('embedded defaults need no variable at all', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.publicUrl, 'http://localhost:3000');
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.smtpUrl, undefined);
  assert.equal(c.maxUploadBytes, 25 * 1024 * 1024);
  assert.equal(c.dataDir, './data');
});

test('PUBLIC_URL loses its trailing slash and PORT shapes the default URL', () => {
  assert.equal(loadConfig({ PUBLIC_URL: 'https://sign.example.com/' }).publicUrl, 'https://sign.example.com');
  assert.equal(loadConfig({ PORT: '8080' }).publicUrl, 'http://localhost:8080');
});

test('a wrong value stops start-up with a message naming the variable', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL: must start with smtp:\/\/ or smtps:\/\//],
    [{ PUBLIC_URL: 'localhost:3000' }, /PUBLIC_URL/],
    [{ ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD: must be at least 8 characters/],
    [{ MAX_UPLOAD_MB: '-1' }, /MAX_UPLOAD_MB/],
    [{ SERVER_SECRET: 'tiny' }, /SERVER_SECRET/],
  ];
  for (const [env, message] of cases) {
    assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && message.test(err.message), JSON.stringify(env));
  }
});
