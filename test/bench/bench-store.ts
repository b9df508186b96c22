import { openSqliteStore } from '../../src/store/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

// The app's side of a bench store: where it lives and how the app opens it. The PostgreSQL store
// is loaded only when asked for, as src/store/open-store.ts loads it, so a process that runs a
// pass holds what `vitals run` holds on either store.

/** Where a bench keeps the app's store: SQLite in a directory, or a PostgreSQL database (URL). */
export type StoreAt = { sqlite: string } | { postgres: string };

/**
 * Connections a bench's PostgreSQL store opens: the app's own default (createPool in
 * src/store/postgres/pg-client.ts), named here so the notes can say it and stay true.
 */
export const POSTGRES_POOL_SIZE = 10;

/** Opens the store at `at` as the app would (migrated; the pool as above on PostgreSQL). */
export async function openBenchStore(
  at: StoreAt,
  options: { now?: () => Date } = {},
): Promise<Store> {
  if ('sqlite' in at) return openSqliteStore(at.sqlite, options);
  const { openPostgresStore } = await import('../../src/store/postgres/open-postgres-store.ts');
  return openPostgresStore(at.postgres, { ...options, poolSize: POSTGRES_POOL_SIZE });
}
