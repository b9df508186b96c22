import { describe, expect, it } from 'vitest';
import { percentileInterval, quantileOfSorted } from '../../../src/backtest/bootstrap-interval.ts';

describe('quantileOfSorted', () => {
  it('interpolates between neighbours', () => {
    expect(quantileOfSorted([0, 10, 20, 30, 40], 0.5)).toBe(20);
    expect(quantileOfSorted([0, 10, 20, 30, 40], 0.125)).toBe(5);
    expect(quantileOfSorted([7], 0.975)).toBe(7);
  });
});

describe('percentileInterval', () => {
  it('holds the central 95 % of the values, whatever their order', () => {
    const values = Float64Array.from({ length: 1001 }, (_, i) => ((i * 37) % 1001) / 1000);
    const interval = percentileInterval(values);
    expect(interval?.low).toBeCloseTo(0.025, 10);
    expect(interval?.high).toBeCloseTo(0.975, 10);
  });

  it('leaves out resamples where the figure was undefined, and gives null when all were', () => {
    expect(percentileInterval(Float64Array.from([NaN, 0.4, NaN, 0.4]))).toEqual({
      low: 0.4,
      high: 0.4,
    });
    expect(percentileInterval(Float64Array.from([NaN, NaN]))).toBeNull();
  });
});
