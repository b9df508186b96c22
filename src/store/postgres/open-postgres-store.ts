import type pg from 'pg';
import type { Store, StoreHealth } from '../store.ts';
import { StoreError } from '../store-error.ts';
import { migratePostgres, postgresSchemaVersion } from './migrate-postgres.ts';
import { createPool } from './pg-client.ts';
import { postgresMigrations } from './pg-migrations.ts';
import { pgInboxPart } from './pg-store-inbox.ts';
import { pgRateBudget } from './pg-rate-budget.ts';
import { pgPlaysPart } from './pg-store-plays.ts';
import { pgReportsPart } from './pg-store-reports.ts';
import { pgScoresPart } from './pg-store-scores.ts';
import { redactedUrl } from './redacted-url.ts';

export interface PostgresStoreOptions {
  now?: () => Date;
  /** Connections this process may open. */
  poolSize?: number;
}

/**
 * Connects to the PostgreSQL database at `url` (postgres://…) and migrates it. A database that
 * cannot be reached or refuses the login throws StoreError 'unusable', naming the address
 * without its password.
 */
export async function openPostgresStore(
  url: string,
  { now = () => new Date(), poolSize }: PostgresStoreOptions = {},
): Promise<Store> {
  const location = redactedUrl(url);
  const pool = createPool(url, poolSize === undefined ? {} : { max: poolSize });
  // An idle client that loses its connection (a database restart) must not crash the process;
  // the pool drops it and the next query opens another.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool, postgresMigrations, location, now);
  } catch (error) {
    await pool.end();
    if (error instanceof StoreError) throw error;
    throw new StoreError(
      'unusable',
      `The PostgreSQL database at ${location} cannot be used: ${messageOf(error)}. ` +
        'Check DATABASE_URL (host, port, database, user and password) and that the server is running.',
    );
  }
  const budget = pgRateBudget(pool);
  const scores = pgScoresPart(pool, now);
  return {
    ...scores,
    ...pgReportsPart(pool, now, { weeklyScores: scores.weeklyScores }),
    ...pgPlaysPart(pool, now),
    ...pgInboxPart(pool, now),
    rateBudget: () => budget,
    health: async () => health(pool, location),
    // Closing twice is harmless, as on SQLite.
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

async function health(pool: pg.Pool, location: string): Promise<StoreHealth> {
  try {
    const [{ rows }, schemaVersion] = await Promise.all([
      pool.query<{ server_version: string }>('SHOW server_version'),
      postgresSchemaVersion(pool),
    ]);
    const version = rows[0]?.server_version ?? 'unknown';
    return { ok: true, backend: 'postgresql', version, location, schemaVersion };
  } catch (error) {
    return { ok: false, backend: 'postgresql', location, error: messageOf(error) };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
