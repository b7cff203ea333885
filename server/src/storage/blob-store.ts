// Stores file bytes by SHA-256: in the database (PostgreSQL, shared by every server process) or on disk under
// DATA_DIR/files (the embedded default: PGlite handles large bytea values slowly). Content-addressed, so writing
// the same file twice is harmless, and a file written for a transaction that rolled back is only an orphan.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { blobs } from '../db/schema';

export interface BlobStore {
  /** Stores bytes (in `db`, the caller's transaction) and returns their SHA-256. */
  put(db: Db, bytes: Uint8Array): Promise<string>;
  get(db: Db, sha256: string): Promise<Uint8Array>;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function createBlobStore(kind: 'database' | 'filesystem', dataDir: string): BlobStore {
  switch (kind) {
    case 'database':
      return databaseStore;
    case 'filesystem':
      return filesystemStore(path.join(dataDir, 'files'));
  }
}

const databaseStore: BlobStore = {
  async put(db, bytes) {
    const sha256 = sha256Hex(bytes);
    await db.insert(blobs).values({ sha256, size: bytes.byteLength, bytes }).onConflictDoNothing();
    return sha256;
  },
  async get(db, sha256) {
    const [row] = await db.select({ bytes: blobs.bytes }).from(blobs).where(eq(blobs.sha256, sha256));
    if (!row?.bytes) throw new Error(`file ${sha256} is missing from the database`);
    return row.bytes;
  },
};

function filesystemStore(root: string): BlobStore {
  const fileOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);
  return {
    async put(db, bytes) {
      const sha256 = sha256Hex(bytes);
      const file = fileOf(sha256);
      await mkdir(path.dirname(file), { recursive: true });
      // Write to a temporary name, flush, then rename: a crash never leaves a half-written file under the real name.
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const handle = await open(tmp, 'w', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, file);
      await db.insert(blobs).values({ sha256, size: bytes.byteLength }).onConflictDoNothing();
      return sha256;
    },
    async get(_db, sha256) {
      const bytes = new Uint8Array(await readFile(fileOf(sha256)));
      // Files on disk can be changed behind our back; never hand out bytes that are not the ones recorded.
      if (sha256Hex(bytes) !== sha256) throw new Error(`file ${sha256} on disk does not match its SHA-256`);
      return bytes;
    },
  };
}
