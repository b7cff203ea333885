import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase, type Database } from '../db/database';
import { createBlobStore, sha256Hex } from './blob-store';

let database: Database;
let dir: string;
before(async () => {
  database = await openDatabase({ kind: 'pglite' });
  dir = mkdtempSync(path.join(tmpdir(), 'ss-blobs-'));
});
after(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

for (const kind of ['filesystem', 'database'] as const) {
  test(`${kind}: bytes come back as stored, keyed by SHA-256; storing twice is harmless`, async () => {
    const store = createBlobStore(kind, dir);
    const bytes = new TextEncoder().encode(`hello from ${kind}`);
    const sha = await store.put(database.db, bytes);
    assert.equal(sha, sha256Hex(bytes));
    assert.equal(await store.put(database.db, bytes), sha);
    assert.deepEqual(await store.get(database.db, sha), bytes);
    await assert.rejects(store.get(database.db, sha256Hex(new Uint8Array([1]))));
  });
}

test('filesystem: a file changed on disk is refused rather than served', async () => {
  const store = createBlobStore('filesystem', dir);
  const sha = await store.put(database.db, new TextEncoder().encode('original'));
  const file = path.join(dir, 'files', sha.slice(0, 2), sha);
  writeFileSync(file, 'tampered');
  await assert.rejects(store.get(database.db, sha), /does not match its SHA-256/);
  assert.ok(!readdirSync(path.dirname(file)).some((f) => f.endsWith('.tmp')), 'no temporary files left');
});
