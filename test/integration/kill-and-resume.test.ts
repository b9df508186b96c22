import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openPortalDatabase } from '../../src/sandbox/portal-database.ts';
import { seedSandbox } from '../../src/sandbox/seed-sandbox.ts';
import { slowClockEnv } from '../support/slow-clock.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src/cli/vitals.js');
const COMPANIES = 2000;

function env(dataDir: string, config: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HUBSPOT_ACCESS_TOKEN: '',
    VITALS_DATA_DIR: dataDir,
    VITALS_CONFIG: config,
    // Every process sees the same day, so the last run has nothing to rewrite (slow-clock.ts).
    ...slowClockEnv(new Date('2026-11-16T10:00:00.000Z')),
  };
}

/** Starts `vitals run --once` and SIGKILLs it as soon as it reports its first committed chunk. */
function runAndKillAfterFirstChunk(vars: NodeJS.ProcessEnv) {
  return new Promise<{ signal: NodeJS.Signals | null; progress: Record<string, unknown> }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'run', '--once'], { cwd: ROOT, env: vars });
      let progress: Record<string, unknown> | null = null;
      let buffered = '';
      child.stderr.on('data', (data: Buffer) => {
        buffered += data.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (progress || !line.startsWith('{')) continue;
          const record = JSON.parse(line) as Record<string, unknown>;
          if (record.msg !== 'rescore progress') continue;
          progress = record;
          child.kill('SIGKILL');
        }
      });
      child.on('error', reject);
      child.on('exit', (_code, signal) => {
        if (progress) resolve({ signal, progress });
        else reject(new Error('The run ended before it reported a chunk.'));
      });
    },
  );
}

function runJson(vars: NodeJS.ProcessEnv) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, 'run', '--once', '--json'],
      { cwd: ROOT, env: vars },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as Record<string, unknown>);
      },
    );
  });
}

describe('a run killed with SIGKILL', () => {
  it('carries on from its cursor and never writes a finished page again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitals-kill-'));
    seedSandbox({ dataDir: join(dataDir, 'sandbox'), companies: COMPANIES });
    // At 100 calls per 10 s the second chunk cannot finish before the kill lands: the first
    // chunk and setup use most of the window, and the limiter then waits.
    const slow = join(dataDir, 'slow.yaml');
    // Plays are off: this is about the rescoring pass (plays have their own crash test).
    writeFileSync(slow, 'rateLimit:\n  per10s: 100\nplays:\n  enabled: false\n');
    const fast = join(dataDir, 'fast.yaml');
    writeFileSync(fast, 'rateLimit:\n  per10s: 250\nplays:\n  enabled: false\n');

    const killed = await runAndKillAfterFirstChunk(env(dataDir, slow));
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.progress).toMatchObject({ pages: 5, companies: 500, updated: 500 });

    const resumed = await runJson(env(dataDir, fast));
    expect(resumed).toMatchObject({ resumed: true, companies: COMPANIES, updated: COMPANIES });
    // Totals carry over from the killed process; only the second half was written now.
    const calls = resumed.apiCalls as Record<string, number>;
    expect(calls['companies.list']).toBe(COMPANIES / 100);
    expect(calls['companies.batchUpdate']).toBe(COMPANIES / 100);

    const db = openPortalDatabase(join(dataDir, 'sandbox'));
    try {
      const writes = db
        .prepare(
          `SELECT COUNT(*) AS n, COUNT(DISTINCT object_id) AS companies FROM property_history
           WHERE name = 'health_model'`,
        )
        .get() as { n: number; companies: number };
      // health_model never changes between the two processes: one write per company, ever.
      expect(writes).toEqual({ n: COMPANIES, companies: COMPANIES });
    } finally {
      db.close();
    }

    const again = await runJson(env(dataDir, fast));
    expect(again).toMatchObject({ resumed: false, updated: 0, unchanged: COMPANIES });
    // Three real processes: generous for a busy machine, seconds on a quiet one.
  }, 240_000);
});
