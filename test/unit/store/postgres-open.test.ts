import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../src/store/postgres/open-postgres-store.ts';
import { postgresMigrations } from '../../../src/store/postgres/pg-migrations.ts';
import { sqliteMigrations } from '../../../src/store/sqlite-migrations.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import { freePort } from '../../support/free-port.ts';
import { freshPostgresDatabase, storeOnPostgres } from '../../support/postgres-database.ts';

const LATEST = sqliteMigrations.at(-1)!.version;

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

describe.skipIf(!storeOnPostgres())('opening the PostgreSQL store', () => {
  it('migrates a new database to the same schema version as SQLite, and says what it is', async () => {
    const url = await freshPostgresDatabase();
    const store = await openPostgresStore(url);
    try {
      const health = await store.health();
      expect(health).toMatchObject({
        ok: true,
        backend: 'postgresql',
        version: expect.stringMatching(/^\d+\.\d+/),
        schemaVersion: LATEST,
      });
      expect(health.location).not.toContain(new URL(url).password);
      expect(health.location).toContain('***');
    } finally {
      await store.close();
    }
    expect(postgresMigrations.at(-1)!.version).toBe(LATEST);
  });

  it('migrates once when several replicas start together', async () => {
    const url = await freshPostgresDatabase();
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(url)));
    await Promise.all(stores.map((s) => s.close()));
    const rows = await query<{ version: number }>(url, 'SELECT version FROM schema_migrations');
    expect(rows.map((r) => r.version)).toEqual(postgresMigrations.map((m) => m.version));
    // Opening again finds nothing to do.
    await (await openPostgresStore(url)).close();
    expect(await query(url, 'SELECT version FROM schema_migrations')).toHaveLength(rows.length);
  });

  it('refuses a database a newer Vitals migrated, naming the fix', async () => {
    const url = await freshPostgresDatabase();
    await (await openPostgresStore(url)).close();
    await query(url, `INSERT INTO schema_migrations VALUES (99, 'from the future', 'x')`);
    const error = await openPostgresStore(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'schema-too-new' });
    expect((error as Error).message).toMatch(
      /has schema version 99, but this Vitals knows only up to \d+: upgrade Vitals, or point DATABASE_URL at another database\.$/,
    );
  });

  it('says a server that is not there, or a wrong password, is unusable, without the password', async () => {
    const url = await freshPostgresDatabase();
    const nobody = new URL(withPassword(url, 'hunter2'));
    nobody.port = String(await freePort());
    const refused = await openPostgresStore(nobody.toString()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'unusable' });
    expect((refused as Error).message).toMatch(
      /^The PostgreSQL database at postgres:\/\/vitals:\*\*\*@127\.0\.0\.1:\d+\/vitals_test_\w+ cannot be used: .*ECONNREFUSED.*Check DATABASE_URL/,
    );
    const denied = await openPostgresStore(withPassword(url, 'hunter2')).catch((e: unknown) => e);
    expect(denied).toMatchObject({ code: 'unusable' });
    expect((denied as Error).message).toMatch(/password authentication failed/);
    for (const error of [refused, denied])
      expect((error as Error).message).not.toContain('hunter2');
  });
});
