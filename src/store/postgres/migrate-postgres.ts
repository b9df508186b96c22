import type pg from 'pg';
import type { Migration } from '../sqlite-migrations.ts';
import { StoreError } from '../store-error.ts';
import { inTransaction } from './pg-client.ts';

// Any constant both sides agree on: replicas starting together queue on it, so only the first
// migrates and the others find the work done.
const MIGRATION_LOCK = 727_100_013;

/**
 * Brings the database up to the newest migration and returns its schema version, in one
 * transaction under an advisory lock: two replicas starting at once never migrate twice, and a
 * failed migration leaves nothing half-applied (PostgreSQL's DDL is transactional).
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly Migration[],
  location: string,
  now: () => Date,
): Promise<number> {
  return inTransaction(pool, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at text NOT NULL
    )`);
    const current = await postgresSchemaVersion(tx);
    const newest = migrations.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new StoreError(
        'schema-too-new',
        `${location} has schema version ${current}, but this Vitals knows only up to ${newest}: ` +
          'upgrade Vitals, or point DATABASE_URL at another database.',
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        now().toISOString(),
      ]);
    }
    return Math.max(current, newest);
  });
}

/** The highest applied migration, 0 for a new database. */
export async function postgresSchemaVersion(q: Pick<pg.ClientBase, 'query'>): Promise<number> {
  const { rows } = await q.query<{ version: number | null }>(
    'SELECT MAX(version) AS version FROM schema_migrations',
  );
  return rows[0]?.version ?? 0;
}
