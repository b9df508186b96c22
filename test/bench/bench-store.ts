import { openSqliteStore } from '../../src/store/open-sqlite-store.ts';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import type { Store } from '../../src/store/store.ts';

// The app's side of a bench store: where it lives and how the app opens it. Both backends are
// imported, as src/store/open-store.ts imports them, so a process that runs a pass holds what
// `vitals run` holds whichever store it uses.

/** Where a bench keeps the app's store: SQLite in a directory, or a PostgreSQL database (URL). */
export type StoreAt = { sqlite: string } | { postgres: string };

/**
 * Connections a bench's PostgreSQL store opens: the app's own default (createPool in
 * src/store/postgres/pg-client.ts), named here so the notes can say it and stay true.
 */
export const POSTGRES_POOL_SIZE = 10;

/** Opens the store at `at` as the app would (migrated; the pool as above on PostgreSQL). */
export function openBenchStore(at: StoreAt, options: { now?: () => Date } = {}): Promise<Store> {
  return 'sqlite' in at
    ? openSqliteStore(at.sqlite, options)
    : openPostgresStore(at.postgres, { ...options, poolSize: POSTGRES_POOL_SIZE });
}
