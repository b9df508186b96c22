import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

// The demo portal's "today", mid-morning, on a slow clock: both runs see the same day (see
// slow-clock.ts).
const TODAY = new Date('2026-11-16T10:00:00.000Z');

/** The CLI in this process (see run-cli.ts): a Node start per command is seconds on a busy machine. */
function vitals(args: string[], env: Record<string, string>) {
  return runCli(args, { env, clock: TODAY });
}

describe.concurrent('vitals run, setup and sandbox reset', () => {
  it('runs once against the sandbox with only the JSON summary on stdout, then writes nothing the second time', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitals-cli-run-'));
    const env = { VITALS_DATA_DIR: dataDir };
    const first = await vitals(['run', '--once', '--json'], env);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ companies: 300, scored: 300, updated: 300, source: 'sandbox' });
    expect(Object.keys(summary)).toEqual(
      expect.arrayContaining([
        'companies',
        'scored',
        'unchanged',
        'updated',
        'apiCalls',
        'durationMs',
        'source',
      ]),
    );
    expect(first.stderr).toContain('SANDBOX demo portal');
    // Not a terminal: progress arrives as JSON log records on stderr.
    const logs = first.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    // Other records (a retried call, say) may come between; the run's own are in order.
    const own = logs.filter((l) => String(l.msg).startsWith('rescore'));
    expect(own.at(-2)).toMatchObject({ msg: 'rescore progress', pages: 3, companies: 300 });
    expect(own.at(-1)).toMatchObject({ msg: 'rescore finished' });
    const second = await vitals(['run', '--once', '--json'], env);
    expect(JSON.parse(second.stdout)).toMatchObject({ updated: 0, unchanged: 300 });
  }, 30_000);

  it('previews the first run (the baseline) in one line, and plans what the real run then does', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitals-cli-dry-'));
    const env = { VITALS_DATA_DIR: dataDir };
    const text = await vitals(['run', '--once', '--dry-run'], env);
    expect(text.code).toBe(0);
    expect(
      text.stdout.match(/^First run on this portal \(the baseline\): .* without a task/gm),
    ).toHaveLength(1);
    expect(text.stdout).toMatch(
      /^Plays this run would carry out, nothing written: \d+ tasks? to create/m,
    );
    const dry = JSON.parse((await vitals(['run', '--once', '--dry-run', '--json'], env)).stdout);
    expect(dry).toMatchObject({
      dryRun: true,
      tasksCreated: 0,
      tasksUpdated: 0,
      tasksCompleted: 0,
    });
    const tasks = dry.plan.filter((p: { kind: string }) => p.kind === 'task');
    expect(tasks.length).toBeGreaterThan(0);
    const real = JSON.parse((await vitals(['run', '--once', '--json'], env)).stdout);
    expect(real).toMatchObject({ dryRun: false, tasksUpdated: 0, tasksCompleted: 0 });
    expect(real.tasksCreated).toBe(tasks.filter((t: { heldBack: boolean }) => !t.heldBack).length);
    expect(real.heldBack).toEqual(dry.heldBack);
    for (const held of real.heldBack)
      expect(Object.keys(held).sort()).toEqual([
        'companyId',
        'ownerId',
        'reason',
        'releaseAt',
        'ruleId',
      ]);
  }, 60_000);

  it('stops on a bad config before touching any portal, naming the path, the value and the fix', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitals-cli-badcfg-'));
    const config = join(dataDir, 'vitals.config.yaml');
    writeFileSync(config, 'rateLimit:\n  per10s: 120\n');
    const { code, stderr } = await vitals(['run', '--once'], {
      VITALS_DATA_DIR: dataDir,
      VITALS_CONFIG: config,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('rateLimit.per10s');
    expect(stderr).toContain('120');
    expect(existsSync(join(dataDir, 'sandbox'))).toBe(false);
  });

  it('doctor says what works and what does not, each failure with its fix', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitals-cli-doctor-'));
    const config = join(dataDir, 'vitals.config.yaml');
    writeFileSync(
      config,
      'signals:\n  usage_depth: { from: company, property: product_usage_dept }\n',
    );
    const env = { VITALS_DATA_DIR: dataDir, VITALS_CONFIG: config };
    const before = await vitals(['doctor'], env);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/^ok +database/m);
    expect(before.stdout).toMatch(/^FAIL +health properties +not created yet: run `vitals setup`/m);
    expect(before.stdout).toMatch(
      /^FAIL +signal mapping .*companies\.product_usage_dept \(did you mean product_usage_depth\?\)/m,
    );
    expect(before.stdout).toMatch(/^ok +plays +properties and sequences are there/m);
    await vitals(['setup'], env);
    expect((await vitals(['doctor'], env)).stdout).toMatch(/^ok +health properties +all there/m);
    writeFileSync(config, 'plays:\n  payment: { failedAtProperty: payment_failed }\n');
    expect((await vitals(['doctor'], env)).stdout).toMatch(
      /^FAIL +plays +the portal has no companies\.payment_failed \(did you mean payment_failed_at\?\)/m,
    );
  }, 30_000);

  it('sets up idempotently: the second setup changes nothing and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitals-cli-setup-'));
    const first = await vitals(['setup'], { VITALS_DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Created property health_score');
    const second = await vitals(['setup'], { VITALS_DATA_DIR: dataDir });
    expect(second.stdout).toContain('Nothing to change');
    const reset = await vitals(['sandbox', 'reset'], { VITALS_DATA_DIR: dataDir });
    expect(reset.code).toBe(0);
    expect((await vitals(['setup', '--dry-run'], { VITALS_DATA_DIR: dataDir })).stdout).toContain(
      'Would create property health_score',
    );
  }, 30_000);
});
