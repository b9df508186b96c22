import type { Config } from '../config/config.ts';
import { openSqliteStore } from './open-sqlite-store.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  now?: () => Date;
}

/** The store the config names: PostgreSQL when DATABASE_URL is set, else SQLite in the data dir. */
export async function openStore(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  options: OpenStoreOptions = {},
): Promise<Store> {
  if (config.databaseUrl === null) return openSqliteStore(config.dataDir, options);
  // Loaded only when asked for: a process on the embedded store never holds the pg client.
  const { openPostgresStore } = await import('./postgres/open-postgres-store.ts');
  return openPostgresStore(config.databaseUrl.reveal(), options);
}
