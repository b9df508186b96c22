import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aucFromHistogram,
  SCORE_CODES,
  SCORE_VALUES,
  scoreCode,
} from '../../../src/backtest/metric-auc.ts';
import { rocFromHistogram, type RocPoint } from '../../../src/backtest/metric-roc.ts';

function histogramOf(items: readonly { score: number; churned: boolean }[]): Float64Array {
  const histogram = new Float64Array(SCORE_CODES);
  for (const { score, churned } of items) histogram[scoreCode(score, churned)]! += 1;
  return histogram;
}

function trapezoidArea(points: readonly RocPoint[]): number {
  let area = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    area +=
      ((b.falsePositiveRate - a.falsePositiveRate) * (a.truePositiveRate + b.truePositiveRate)) / 2;
  }
  return area;
}

// Counts per bin, mostly small and often zero, as a real portfolio's sparse score histogram is.
const histogram = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 })), {
    minLength: SCORE_CODES,
    maxLength: SCORE_CODES,
  })
  .map((counts) => Float64Array.from(counts));

describe('rocFromHistogram', () => {
  it('encloses the same area as aucFromHistogram', () => {
    fc.assert(
      fc.property(histogram, (h) => {
        const auc = aucFromHistogram(h);
        const roc = rocFromHistogram(h);
        if (auc === null) expect(roc).toEqual([]);
        else expect(trapezoidArea(roc)).toBeCloseTo(auc, 12);
      }),
      { numRuns: 300 },
    );
  });

  it('runs from (0, 0) to (1, 1) in steps that never go back, one per threshold', () => {
    fc.assert(
      fc.property(histogram, (h) => {
        const roc = rocFromHistogram(h);
        if (roc.length === 0) return;
        expect(roc).toHaveLength(SCORE_VALUES + 1);
        expect(roc[0]).toEqual({ threshold: null, falsePositiveRate: 0, truePositiveRate: 0 });
        expect(roc.at(-1)).toEqual({ threshold: 100, falsePositiveRate: 1, truePositiveRate: 1 });
        for (let i = 1; i < roc.length; i++) {
          const a = roc[i - 1]!;
          const b = roc[i]!;
          expect(b.threshold).toBe(i - 1);
          expect(b.falsePositiveRate).toBeGreaterThanOrEqual(a.falsePositiveRate);
          expect(b.truePositiveRate).toBeGreaterThanOrEqual(a.truePositiveRate);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('hugs the top-left corner for a perfect warning and the bottom-right for a reversed one', () => {
    const perfect = histogramOf([
      { score: 10, churned: true },
      { score: 20, churned: true },
      { score: 80, churned: false },
    ]);
    const roc = rocFromHistogram(perfect);
    // Flagging scores up to 20 catches all churn before a single false alarm.
    expect(roc.find((p) => p.threshold === 20)).toMatchObject({
      falsePositiveRate: 0,
      truePositiveRate: 1,
    });
    expect(trapezoidArea(roc)).toBe(1);

    const reversed = histogramOf([
      { score: 10, churned: false },
      { score: 90, churned: true },
    ]);
    const backwards = rocFromHistogram(reversed);
    expect(backwards.find((p) => p.threshold === 50)).toMatchObject({
      falsePositiveRate: 1,
      truePositiveRate: 0,
    });
    expect(trapezoidArea(backwards)).toBe(0);
  });

  it('follows the diagonal when churn and staying share every score', () => {
    const roc = rocFromHistogram(
      histogramOf(
        [0, 50, 100].flatMap((score) => [true, false].map((churned) => ({ score, churned }))),
      ),
    );
    for (const p of roc) expect(p.truePositiveRate).toBeCloseTo(p.falsePositiveRate, 12);
    expect(trapezoidArea(roc)).toBeCloseTo(0.5, 12);
  });

  it('is empty when no observation churned or none stayed', () => {
    expect(rocFromHistogram(histogramOf([]))).toEqual([]);
    expect(rocFromHistogram(histogramOf([{ score: 5, churned: true }]))).toEqual([]);
    expect(rocFromHistogram(histogramOf([{ score: 5, churned: false }]))).toEqual([]);
  });
});
