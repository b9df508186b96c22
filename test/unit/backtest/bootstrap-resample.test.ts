import { describe, expect, it } from 'vitest';
import { buildAccountTable } from '../../../src/backtest/bootstrap-accounts.ts';
import { percentileInterval } from '../../../src/backtest/bootstrap-interval.ts';
import { resampleAccounts } from '../../../src/backtest/bootstrap-resample.ts';
import { mulberry32 } from '../../../src/backtest/bootstrap-random.ts';
import { aucFromHistogram } from '../../../src/backtest/metric-auc.ts';
import type { ObservationColumns } from '../../../src/backtest/metric-observations.ts';
import { tallyObservations } from '../../../src/backtest/metric-tally.ts';

/** Accounts of 6 months each; a lower score makes churn likelier. Tier 1 raises the alarm. */
function accounts(count: number, seed: number): ObservationColumns {
  const random = mulberry32(seed);
  const n = count * 6;
  const data = {
    account: new Uint32Array(n),
    month: new Uint16Array(n),
    months: ['1', '2', '3', '4', '5', '6'],
    score: new Int8Array(n),
    tier: new Int8Array(n),
    churned: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const score = Math.floor(random() * 101);
    data.account[i] = Math.floor(i / 6);
    data.month[i] = i % 6;
    data.score[i] = score;
    data.tier[i] = score < 40 ? 1 : 0;
    data.churned[i] = random() < (1 - score / 100) * 0.3 ? 1 : 0;
  }
  return data;
}

function resample(data: ObservationColumns, resamples: number, seed: number) {
  const tally = tallyObservations(data, 2);
  const table = buildAccountTable(data, tally.accountObservations, Uint8Array.from([0, 1]));
  return { tally, figures: resampleAccounts(table, resamples, seed) };
}

describe('resampleAccounts', () => {
  it('centres the AUC’s percentile interval on the figure from all the data', () => {
    const { tally, figures } = resample(accounts(300, 1), 400, 5);
    const auc = aucFromHistogram(tally.histogram)!;
    const interval = percentileInterval(figures.auc)!;
    expect(interval.low).toBeLessThan(auc);
    expect(interval.high).toBeGreaterThan(auc);
  });

  it('reproduces the figures from all the data when there is one account to draw', () => {
    const data = accounts(1, 3);
    data.churned.set([1, 0, 1, 0, 0, 0]);
    const { tally, figures } = resample(data, 20, 1);
    const auc = aucFromHistogram(tally.histogram);
    expect([...figures.auc]).toEqual(Array<number | null>(20).fill(auc));
  });

  it('marks a resample without churn as having no AUC rather than inventing one', () => {
    // One churned account of ten: some resamples leave it out.
    const data = accounts(10, 2);
    data.churned.fill(0);
    data.churned[0] = 1;
    const { figures } = resample(data, 200, 4);
    const missing = figures.auc.filter(Number.isNaN).length;
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(200);
    expect(figures.recall.filter(Number.isNaN).length).toBe(missing);
  });

  it('is the same for the same seed and different for another', () => {
    const data = accounts(50, 7);
    expect(resample(data, 30, 1).figures).toEqual(resample(data, 30, 1).figures);
    expect(resample(data, 30, 1).figures.auc).not.toEqual(resample(data, 30, 2).figures.auc);
  });
});
