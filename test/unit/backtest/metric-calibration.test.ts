import { describe, expect, it } from 'vitest';
import { calibrationBands } from '../../../src/backtest/metric-calibration.ts';
import { SCORE_CODES, scoreCode } from '../../../src/backtest/metric-auc.ts';

describe('calibrationBands', () => {
  it('cuts ten bands 0–9 … 90–100', () => {
    const bands = calibrationBands(new Float64Array(SCORE_CODES), 10);
    expect(bands.map((b) => [b.low, b.high])).toEqual([
      [0, 9],
      [10, 19],
      [20, 29],
      [30, 39],
      [40, 49],
      [50, 59],
      [60, 69],
      [70, 79],
      [80, 89],
      [90, 100],
    ]);
  });

  it('covers every score exactly once for any number of bands', () => {
    for (const bins of [1, 3, 7, 10, 33, 100]) {
      const histogram = new Float64Array(SCORE_CODES);
      for (let s = 0; s <= 100; s++) histogram[scoreCode(s, s % 2 === 0)] = 1;
      const bands = calibrationBands(histogram, bins);
      expect(bands[0]?.low).toBe(0);
      expect(bands.at(-1)?.high).toBe(100);
      bands.slice(1).forEach((b, i) => expect(b.low).toBe(bands[i]!.high + 1));
      bands.forEach((b) => expect(b.observations).toBe(b.high - b.low + 1));
    }
  });

  it('puts a score on a band edge in the band that starts there', () => {
    const histogram = new Float64Array(SCORE_CODES);
    histogram[scoreCode(33, true)] = 1;
    histogram[scoreCode(34, false)] = 3;
    const [first, second] = calibrationBands(histogram, 3);
    expect(first).toEqual({ low: 0, high: 33, observations: 1, churned: 1, rate: 1 });
    expect(second).toEqual({ low: 34, high: 66, observations: 3, churned: 0, rate: 0 });
  });

  it('refuses a band count that cannot cut 0–100 into whole-score bands', () => {
    expect(() => calibrationBands(new Float64Array(SCORE_CODES), 0)).toThrow(RangeError);
    expect(() => calibrationBands(new Float64Array(SCORE_CODES), 2.5)).toThrow(RangeError);
    expect(() => calibrationBands(new Float64Array(SCORE_CODES), 101)).toThrow(RangeError);
  });
});
