import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An administrator's URL on a PostgreSQL server for this test run. */
    postgresAdminUrl: string;
  }
}

/**
 * A PostgreSQL server for the tests that need one: VITALS_TEST_DATABASE_URL when set (its user
 * must be allowed to create databases), otherwise a throwaway embedded one, stopped and deleted
 * at the end. No manual step either way. Not DATABASE_URL: that one would move every other
 * test's store (and the processes they start) to PostgreSQL too.
 */
export default async function setup(project: TestProject) {
  const given = process.env.VITALS_TEST_DATABASE_URL?.trim();
  if (given) {
    project.provide('postgresAdminUrl', given);
    return;
  }
  const server = await startThrowawayPostgres();
  project.provide('postgresAdminUrl', server.adminUrl);
  return () => server.stop();
}
