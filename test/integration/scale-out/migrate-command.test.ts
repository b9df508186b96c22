import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteMigrations } from '../../../src/store/sqlite-migrations.ts';
import { freshPostgresDatabase } from '../../support/postgres-database.ts';
import { runCli } from '../../support/run-cli.ts';

const LATEST = sqliteMigrations.at(-1)!.version;

describe('vitals migrate and vitals doctor with DATABASE_URL', () => {
  it('migrates the PostgreSQL database to the schema SQLite has, and shows it without its password', async () => {
    const url = await freshPostgresDatabase();
    const env = { DATABASE_URL: url, VITALS_DATA_DIR: mkdtempSync(join(tmpdir(), 'vitals-pg-')) };
    const migrated = await runCli(['migrate'], { env });
    expect(migrated).toMatchObject({ code: 0, stderr: '' });
    expect(migrated.stdout).toMatch(
      new RegExp(
        `^PostgreSQL \\d+\\.\\d+\\S* at postgres://vitals:\\*\\*\\*@127\\.0\\.0\\.1:\\d+/vitals_test_\\w+: schema version ${LATEST}, up to date\\.\\n$`,
      ),
    );
    expect(migrated.stdout).not.toContain(new URL(url).password);
    const again = await runCli(['migrate'], { env });
    expect(again.stdout).toBe(migrated.stdout);

    const doctor = await runCli(['doctor'], { env });
    expect(doctor.stdout).toMatch(
      new RegExp(
        `database.*PostgreSQL \\d+\\.\\d+\\S* at postgres://vitals:\\*\\*\\*@.*schema version ${LATEST}`,
      ),
    );
    expect(doctor.stdout + doctor.stderr).not.toContain(new URL(url).password);
  });

  it('says a database it cannot reach is unusable, exit status 2, naming DATABASE_URL', async () => {
    const url = new URL(await freshPostgresDatabase());
    url.password = 'wrong-password';
    const result = await runCli(['migrate'], { env: { DATABASE_URL: url.toString() } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^The PostgreSQL database at postgres:\/\/vitals:\*\*\*@/);
    expect(result.stderr).toContain('Check DATABASE_URL');
    expect(result.stderr).not.toContain('wrong-password');
  });
});
