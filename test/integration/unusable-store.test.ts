import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/open-sqlite-store.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src/cli/vitals.js');
// Root may write a read-only file, so as root the CLI runs as "nobody" to see what a user sees.
const AS_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function vitals(args: string[], dataDir: string) {
  const env = {
    ...process.env,
    HUBSPOT_ACCESS_TOKEN: '',
    VITALS_CONFIG: '',
    VITALS_DATA_DIR: dataDir,
  };
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: ROOT, env, ...AS_USER },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

/** A data folder holding a store that opened and closed cleanly, writable by anyone. */
async function dataDirWithStore(): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-unusable-'));
  await (await openSqliteStore(dir)).close();
  const file = join(dir, 'vitals.sqlite');
  chmodSync(dir, 0o777);
  chmodSync(file, 0o666);
  return { dir, file };
}

/** One line on stderr, exit 2, no stack trace and no "please report it". */
function expectOneClearLine(
  result: { code: number; stderr: string },
  ...words: (string | RegExp)[]
) {
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(result.stderr).not.toMatch(/report it|\n\s+at |Error:/);
  for (const w of words) expect(lines[0]).toMatch(w);
}

describe.concurrent(
  'a store Vitals cannot use gets one line naming the file and the fix (exit 2)',
  () => {
    it('a file that is not a database', async () => {
      const { dir, file } = await dataDirWithStore();
      writeFileSync(file, 'name,score\nAcme,72\n');
      const result = await vitals(['run', '--once'], dir);
      expectOneClearLine(result, `${file} is not a database`, /move it away .* VITALS_DATA_DIR/);
    });

    it('a damaged database', async () => {
      const { dir, file } = await dataDirWithStore();
      // Page 1 past the 100-byte header holds the schema: scribbling over it leaves a file that
      // SQLite recognises but cannot read.
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(1000, 0xab), 0, 1000, 100);
      closeSync(fd);
      const result = await vitals(['run', '--once'], dir);
      expectOneClearLine(result, `${file} is damaged`, /restore it from a backup, or move it away/);
    });

    it('a read-only database', async () => {
      const { dir, file } = await dataDirWithStore();
      chmodSync(file, 0o444);
      chmodSync(dir, 0o555);
      const result = await vitals(['run', '--once'], dir);
      expectOneClearLine(
        result,
        `${file} is read-only`,
        /give the user that runs Vitals write access/,
      );
    });

    it('a data folder that is a file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vitals-unusable-'));
      chmodSync(dir, 0o755);
      const data = join(dir, 'data');
      writeFileSync(data, '');
      const result = await vitals(['run', '--once'], data);
      expectOneClearLine(
        result,
        `The data folder ${data} is a file, not a folder`,
        /VITALS_DATA_DIR/,
      );
    });

    it('setup says the same, and doctor puts it on its database line', async () => {
      const { dir, file } = await dataDirWithStore();
      writeFileSync(file, 'not a database');
      expectOneClearLine(await vitals(['setup'], dir), `${file} is not a database`);
      const doctor = await vitals(['doctor'], dir);
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toMatch(/^ok +config /m);
      expect(doctor.stdout).toMatch(
        new RegExp(`^FAIL +database +${file} is not a database: move it`, 'm'),
      );
    });
  },
);
