import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject, onTestFinished } from 'vitest';

/**
 * A new, empty database on the test run's PostgreSQL server, dropped when the test ends (after
 * the stores the test opened on it are closed, since hooks run last-registered first).
 */
export async function freshPostgresDatabase(): Promise<string> {
  const admin = inject('postgresAdminUrl');
  const name = `vitals_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(admin, (client) =>
    // FILE_COPY: copying the tiny template is quicker than logging it page by page.
    client.query(`CREATE DATABASE ${name} STRATEGY FILE_COPY`),
  );
  onTestFinished(async () => {
    await withAdmin(admin, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    );
  });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Whether this test project runs the store on PostgreSQL (its global setup says so). */
export function storeOnPostgres(): boolean {
  return inject('postgresAdminUrl') !== undefined;
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
