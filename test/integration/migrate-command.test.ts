import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteMigrations } from '../../src/store/sqlite-migrations.ts';
import { runCli } from '../support/run-cli.ts';

const LATEST = sqliteMigrations.at(-1)!.version;

describe('vitals migrate on the embedded store', () => {
  it('brings the SQLite file up to date and names it, its SQLite and its schema', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitals-migrate-'));
    const result = await runCli(['migrate'], { env: { VITALS_DATA_DIR: dataDir } });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      `SQLite ${result.stdout.split(' ')[1]} at ${join(dataDir, 'vitals.sqlite')}: schema version ${LATEST}, up to date.\n`,
    );
    expect(result.stdout).toMatch(/^SQLite 3\.\d+\.\d+ at /);
  });

  it('refuses a store it cannot use, exit status 2, naming the file and the fix', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitals-migrate-'));
    writeFileSync(join(dataDir, 'vitals.sqlite'), 'not a database');
    const result = await runCli(['migrate'], { env: { VITALS_DATA_DIR: dataDir } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(dataDir, 'vitals.sqlite'));
  });
});
