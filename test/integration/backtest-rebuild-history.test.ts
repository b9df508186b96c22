import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BacktestReport } from '../../src/backtest/backtest-report.ts';
import { loadModel } from '../../src/models/load-model.ts';
import { seedSandbox } from '../../src/sandbox/start-sandbox.ts';
import { HISTORY_TRUTH_MODEL } from '../../src/sandbox/usage-history.ts';
import { openSqliteStore } from '../../src/store/open-sqlite-store.ts';
import { shuffledModel } from '../support/models.ts';
import { runCli } from '../support/run-cli.ts';

const NOW = new Date('2026-12-07T10:00:00.000Z');

interface Portal {
  dataDir: string;
  vitals: (args: string[]) => ReturnType<typeof runCli>;
}

/** A data directory whose sandbox portal holds `companies`, scored once by `vitals run`. */
async function scoredPortal(companies: number): Promise<Portal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitals-rebuild-'));
  seedSandbox({ dataDir: join(dataDir, 'sandbox'), companies });
  const vitals = (args: string[]) =>
    runCli(args, { env: { VITALS_DATA_DIR: dataDir }, clock: NOW });
  const run = await vitals(['run', '--once']);
  expect(run.code, run.stderr).toBe(0);
  return { dataDir, vitals };
}

/**
 * The sandbox seeds two years of usage history whose churn the default model's score drives
 * (with noise); `vitals backtest --rebuild-history` reads it back through HubSpot's property
 * history, as it would from a real portal, and has to find that.
 */
describe('vitals backtest --rebuild-history on the sandbox portal', () => {
  let portal: Portal;
  let shuffledFile: string;
  let first: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    portal = await scoredPortal(300);
    // One run keeps one month, whose horizon is still open: nothing to judge, and it says why.
    const early = await portal.vitals(['backtest']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(
      'Nothing to judge yet: the 300 snapshots kept (2026-12) are all too recent for their 90-day horizon to have ended. Add --rebuild-history',
    );
    shuffledFile = join(portal.dataDir, 'shuffled.yaml');
    writeFileSync(shuffledFile, YAML.stringify(shuffledModel(loadModel(HISTORY_TRUTH_MODEL), 3)));
    first = await portal.vitals([
      'backtest',
      '--rebuild-history',
      '--model',
      shuffledFile,
      '--format',
      'json',
    ]);
  }, 60_000);

  it('rebuilds the two years before the first run from HubSpot history, and says what it left out', async () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(
      /Rebuilt [\d,]+ monthly snapshots \(2024-12 to 2026-11\) for \d+ of 300 companies from HubSpot's property history, in 6 calls\./,
    );
    expect(first.stderr).toContain(
      'Signals read from contacts stay missing in those months: champion_status, nps_last, stakeholder_count.',
    );
    const store = await openSqliteStore(portal.dataDir);
    try {
      const span = await store.snapshotMonths('sandbox');
      expect(span.first).toBe('2024-12');
      // The run's own month stays the run's.
      expect(span.last).toBe('2026-12');
    } finally {
      await store.close();
    }
  });

  it('ranks the generating model above a shuffled one, intervals apart', () => {
    const report = JSON.parse(first.stdout) as BacktestReport;
    const [generating, shuffled] = report.models;
    expect(report.from).toBe('2024-12');
    const truth = generating!.metrics.auc!;
    const noise = shuffled!.metrics.auc!;
    expect(truth.value!).toBeGreaterThan(0.75);
    expect(truth.low!).toBeGreaterThan(noise.high!);
    expect(noise.low!).toBeLessThan(0.6);
  });

  it('never rebuilds a month twice: a second rebuild adds only older months', async () => {
    const again = await portal.vitals([
      'backtest',
      '--rebuild-history',
      '--from',
      '2024-12',
      '--format',
      'json',
    ]);
    expect(again.code, again.stderr).toBe(0);
    // Only the churned companies' history goes back further, the others' usage sync began later.
    expect(again.stderr).toMatch(/Rebuilt [\d,]+ monthly snapshots \(\d{4}-\d\d to 2024-11\)/);
    const before = JSON.parse(first.stdout) as BacktestReport;
    const after = JSON.parse(again.stdout) as BacktestReport;
    expect(after.models[0]!.metrics).toEqual(before.models[0]!.metrics);
    // The run's own month still holds what the run read, not a rebuilt reading.
    const store = await openSqliteStore(portal.dataDir);
    try {
      const runMonth: string[] = [];
      for await (const page of store.signalSnapshots('sandbox', { from: '2026-12' }))
        runMonth.push(...page.map((s) => s.takenAt));
      expect(runMonth.length).toBe(300);
      expect(runMonth.every((at) => at.startsWith('2026-12-07'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses to rebuild from a sandbox portal seeded without usage history', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitals-rebuild-old-'));
    seedSandbox({ dataDir: join(dataDir, 'sandbox'), companies: 40, historyMonths: 0 });
    const vitals = (args: string[]) =>
      runCli(args, { env: { VITALS_DATA_DIR: dataDir }, clock: NOW });
    expect((await vitals(['run', '--once'])).code).toBe(0);
    const result = await vitals(['backtest', '--rebuild-history']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was seeded without usage history');
    expect(result.stderr).toContain('`vitals sandbox reset` seeds a new demo portal');
  });

  it('refuses a number of months it cannot rebuild, naming the fix', async () => {
    const result = await portal.vitals(['backtest', '--rebuild-history', 'two']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--rebuild-history "two" is not a number of months: give 1 to 60',
    );
    const far = await portal.vitals(['backtest', '--rebuild-history', '100']);
    expect(far.stderr).toContain('--rebuild-history 100 is out of range: give 1 to 60 months');
  });
});
