import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtestMetrics } from '../../../src/backtest/backtest-metrics.ts';
import { aucFromHistogram, SCORE_CODES, scoreCode } from '../../../src/backtest/metric-auc.ts';

interface Scored {
  score: number;
  churned: boolean;
}

function histogramOf(items: readonly Scored[]): Float64Array {
  const histogram = new Float64Array(SCORE_CODES);
  for (const { score, churned } of items) histogram[scoreCode(score, churned)]! += 1;
  return histogram;
}

/** Every churned–staying pair compared one by one: the definition, slowly. */
function bruteForceAuc(items: readonly Scored[]): number | null {
  const churned = items.filter((i) => i.churned);
  const stayed = items.filter((i) => !i.churned);
  if (churned.length === 0 || stayed.length === 0) return null;
  let pairs = 0;
  for (const c of churned) {
    for (const s of stayed) pairs += c.score < s.score ? 1 : c.score === s.score ? 0.5 : 0;
  }
  return pairs / (churned.length * stayed.length);
}

const scored = fc.record({ score: fc.integer({ min: 0, max: 100 }), churned: fc.boolean() });

describe('aucFromHistogram', () => {
  it('is 1 for a perfect warning, 0 for a reversed one and 0.5 for all ties', () => {
    const perfect = [
      { score: 0, churned: true },
      { score: 99, churned: true },
      { score: 100, churned: false },
    ];
    expect(aucFromHistogram(histogramOf(perfect))).toBe(1);
    expect(aucFromHistogram(histogramOf(perfect.map((i) => ({ ...i, churned: !i.churned }))))).toBe(
      0,
    );
    const ties = [true, false, false, true].map((churned) => ({ score: 37, churned }));
    expect(aucFromHistogram(histogramOf(ties))).toBe(0.5);
  });

  it('is null when no observation churned or none stayed', () => {
    expect(aucFromHistogram(histogramOf([]))).toBeNull();
    expect(aucFromHistogram(histogramOf([{ score: 5, churned: false }]))).toBeNull();
    expect(aucFromHistogram(histogramOf([{ score: 5, churned: true }]))).toBeNull();
  });

  it('matches the pairwise count on any small input', () => {
    fc.assert(
      fc.property(fc.array(scored, { maxLength: 60 }), (items) => {
        const expected = bruteForceAuc(items);
        const actual = aucFromHistogram(histogramOf(items));
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 12);
      }),
      { numRuns: 500 },
    );
  });

  it('gives backtestMetrics the pairwise AUC of the scored observations, null ones left out', () => {
    const item = fc.record({
      account: fc.integer({ min: 0, max: 9 }),
      score: fc.option(fc.integer({ min: 0, max: 100 })),
      churned: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const result = backtestMetrics(
          items.map((i) => ({
            accountId: `a${i.account}`,
            month: '2025-01',
            score: i.score,
            tier: null,
            churned: i.churned,
          })),
          { tiers: [], alarmTiers: [], seed: 1, resamples: 5 },
        );
        const expected = bruteForceAuc(
          items.flatMap((i) => (i.score === null ? [] : [{ score: i.score, churned: i.churned }])),
        );
        if (expected === null) expect(result.auc).toBeNull();
        else expect(result.auc?.value).toBeCloseTo(expected, 12);
      }),
      { numRuns: 200 },
    );
  });
});
