import type Database from 'better-sqlite3';
import type { Migration } from './sqlite-migrations.ts';
import { StoreError } from './store-error.ts';

/**
 * Brings the database up to the newest migration and returns its schema version. Runs in one
 * IMMEDIATE transaction, so two processes opening the same file never migrate it twice.
 */
export function migrateSqlite(
  db: Database.Database,
  migrations: readonly Migration[],
  location: string,
  now: () => Date,
): number {
  const apply = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT`);
    const current = schemaVersion(db);
    const newest = migrations.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new StoreError(
        'schema-too-new',
        `${location} has schema version ${current}, but this Vitals knows only up to ${newest}: ` +
          'upgrade Vitals, or set VITALS_DATA_DIR to another directory.',
      );
    }
    const record = db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)');
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now().toISOString());
    }
    return Math.max(current, newest);
  });
  return apply.immediate();
}

/** The highest applied migration, 0 for a new database. */
export function schemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as {
    version: number | null;
  };
  return row.version ?? 0;
}
