import type { Config } from '../config/config.ts';
import { openSqliteStore } from './open-sqlite-store.ts';
import { openPostgresStore } from './postgres/open-postgres-store.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  now?: () => Date;
}

/** The store the config names: PostgreSQL when DATABASE_URL is set, else SQLite in the data dir. */
export function openStore(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  options: OpenStoreOptions = {},
): Promise<Store> {
  return config.databaseUrl === null
    ? openSqliteStore(config.dataDir, options)
    : openPostgresStore(config.databaseUrl.reveal(), options);
}
