import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BacktestReport } from '../../src/backtest/backtest-report.ts';
import { loadModel } from '../../src/models/load-model.ts';
import { churnHistory } from '../../src/sandbox/churn-history.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import type { Model } from '../../src/scoring/model-schema.ts';
import { openSqliteStore } from '../../src/store/open-sqlite-store.ts';
import { completedRun, storeHistory } from '../support/history-store.ts';
import { runCli } from '../support/run-cli.ts';

const NOW = new Date('2026-12-07T10:00:00.000Z');

/** The default model with every signal's points reversed: it calls the best accounts the worst. */
function reversed(model: Model): Model {
  return {
    ...model,
    name: 'reversed',
    label: 'Reversed',
    dimensions: model.dimensions.map((d) => ({
      ...d,
      signals: d.signals.map((s) => {
        if (s.type === 'enum') {
          const top = Math.max(...Object.values(s.values));
          return {
            ...s,
            values: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, top - v])),
          };
        }
        const top = Math.max(...s.bands.map((b) => b.points));
        const words = s.words
          ? Object.fromEntries(Object.entries(s.words).map(([k, v]) => [k, top - v]))
          : undefined;
        return {
          ...s,
          bands: s.bands.map((b) => ({ ...b, points: top - b.points })),
          ...(words ? { words } : {}),
        };
      }),
    })),
  };
}

/** `vitals backtest` and `vitals models …` over a store holding two years of made-up history. */
describe('vitals backtest on a store with a churn history', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitals-backtest-'));
  const env = { VITALS_DATA_DIR: dataDir };
  const vitals = (args: string[]) => runCli(args, { env, clock: NOW });
  const reversedFile = join(dataDir, 'reversed.yaml');

  beforeAll(async () => {
    const truth = compileModel(loadModel('retention-os'));
    const history = churnHistory(truth, {
      seed: 21,
      accounts: 1_200,
      months: 24,
      lastMonth: '2026-11',
    });
    const store = await openSqliteStore(dataDir);
    try {
      await completedRun(store);
      await storeHistory(store, history, NOW.toISOString());
    } finally {
      await store.close();
    }
    writeFileSync(reversedFile, YAML.stringify(reversed(loadModel('retention-os'))));
  });

  it('puts the current model side by side with another, and ranks the one that knows churn first', async () => {
    const result = await vitals(['backtest', '--model', reversedFile, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as BacktestReport;
    expect(report.models.map((m) => m.label)).toEqual(['retention-os (current)', reversedFile]);
    const [current, other] = report.models;
    expect(current!.metrics.auc!.low).toBeGreaterThan(0.55);
    expect(other!.metrics.auc!.high).toBeLessThan(0.5);
    expect(current!.version).toMatch(/^1\+[0-9a-f]{8}$/);
    expect(report.from).toBe('2024-12');
    // November's readings are judged only where churn already followed.
    expect(report.to).toBe('2026-11');
    expect(report.greenThenChurned[0]!.accounts.length).toBeGreaterThan(0);
    expect(report.greenThenChurned[0]!.accounts[0]!.name).toMatch(/^History Co /);
  });

  it('prints a table a CS admin can read, and an HTML page that needs no network', async () => {
    const table = await vitals(['backtest', '--horizon', '180d']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('did the score warn of churn within 180 days?');
    expect(table.stdout).toMatch(/AUC\s+0\.\d\d \(0\.\d\d–0\.\d\d\)/);
    expect(table.stdout).toContain('called healthy, then churned within the horizon');
    const out = join(dataDir, 'backtest.html');
    const html = await vitals(['backtest', '--format', 'html', '--out', out]);
    expect(html.code).toBe(0);
    expect(html.stderr).toContain(`Wrote the backtest to ${out}.`);
    const page = readFileSync(out, 'utf8');
    expect(page.length).toBeGreaterThan(100_000);
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
  });

  it('takes a date for --from and --to as the month it falls in', async () => {
    const byDate = await vitals([
      'backtest',
      '--from',
      '2025-03-17',
      '--to',
      '2026-02-01',
      '--format',
      'json',
    ]);
    expect(byDate.code, byDate.stderr).toBe(0);
    const report = JSON.parse(byDate.stdout) as BacktestReport;
    expect([report.from, report.to]).toEqual(['2025-03', '2026-02']);
  });

  it('refuses options it cannot use, naming the fix', async () => {
    const horizon = await vitals(['backtest', '--horizon', '3 months']);
    expect(horizon.code).toBe(2);
    expect(horizon.stderr).toContain(
      '--horizon "3 months" is not a horizon: give days from 7 to 730',
    );
    const month = await vitals(['backtest', '--from', '2026-13']);
    expect(month.stderr).toContain('--from "2026-13" is not a month: write it as YYYY-MM');
    const day = await vitals(['backtest', '--from', '2026-02-30']);
    expect(day.stderr).toContain(
      '--from "2026-02-30" is not a day of the calendar: give a date that exists, or just the month (--from 2026-02)',
    );
    const order = await vitals(['backtest', '--from', '2026-06', '--to', '2026-01']);
    expect(order.stderr).toContain('--from 2026-06 is after --to 2026-01');
    const format = await vitals(['backtest', '--format', 'pdf']);
    expect(format.stderr).toContain('use table (to read), json (for a program) or html');
  });

  it('suggests refitted weights as a candidate file, with its backtest, and applies nothing', async () => {
    const out = join(dataDir, 'suggested.yaml');
    const result = await vitals(['models', 'suggest', '--from-backtest', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Weights of Retention OS, fitted to 2024-12 … 2026-11');
    expect(result.stdout).toContain('retention-os-suggested (candidate)');
    expect(result.stdout).toContain(`Wrote the candidate to ${out}; nothing was applied.`);
    const candidate = YAML.parse(readFileSync(out, 'utf8')) as Model;
    expect(candidate.name).toBe('retention-os-suggested');
    expect(candidate.dimensions.reduce((s, d) => s + d.weight, 0)).toBe(100);
    // The candidate is a model file Vitals reads.
    expect(() => loadModel(out)).not.toThrow();
    const diff = await vitals(['models', 'diff', 'retention-os', out]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/weight \d+ → \d+\./);
    expect(diff.stdout).toMatch(
      /From the signals of 2026-11: \d+ of \d+ accounts would change tier\./,
    );
  });

  it('says there is nothing to replay when no run kept any snapshot', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vitals-backtest-empty-'));
    const store = await openSqliteStore(empty);
    await completedRun(store);
    await store.close();
    const result = await runCli(['backtest'], { env: { VITALS_DATA_DIR: empty }, clock: NOW });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no signal history to replay yet');
  });
});
