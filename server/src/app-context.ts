// Builds the application context from configuration: the database (migrated), secrets, file storage, clock and
// logger. Shared by the server and the command-line tools.
import type { Config } from './config/config';
import { openDatabase, type Database } from './db/database';
import type { AppContext } from './domain/context';
import { createSecrets, loadServerSecret } from './domain/secrets';
import { createLogger, type LogLevel } from './logger';
import { createBlobStore } from './storage/blob-store';

export async function createAppContext(config: Config, opts: { logLevel?: LogLevel } = {}): Promise<{ ctx: AppContext; database: Database }> {
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: `${config.dataDir}/pglite` },
  );
  const ctx: AppContext = {
    db: database.db,
    config,
    secrets: createSecrets(loadServerSecret(config.serverSecret, config.dataDir)),
    blobs: createBlobStore(config.fileStorage, config.dataDir),
    clock: () => new Date(),
    log: createLogger(opts.logLevel ?? config.logLevel),
  };
  return { ctx, database };
}
