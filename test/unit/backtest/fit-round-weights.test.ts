import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundToTotal } from '../../../src/backtest/fit-round-weights.ts';

describe('roundToTotal', () => {
  it('gives the leftover points to the largest remainders', () => {
    // Quotas 33.3…, 33.3…, 33.3…: one point left over, to the first on a full tie.
    expect(roundToTotal([1, 1, 1], 100)).toEqual([34, 33, 33]);
    // Quotas 45.5, 30.3, 14.1, 10.1 → floors 45, 30, 14, 10 (99): the .5 gets the point.
    expect(roundToTotal([45.5, 30.3, 14.1, 10.1], 100)).toEqual([46, 30, 14, 10]);
    expect(roundToTotal([0, 2, 0, 1], 100)).toEqual([0, 67, 0, 33]);
  });

  it('always gives whole numbers summing to the total, each within one point of its exact quota', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        (shares, total) => {
          fc.pre(shares.some((share) => share > 0));
          const weights = roundToTotal(shares, total);
          const sum = shares.reduce((a, b) => a + b, 0);
          expect(weights.reduce((a, b) => a + b, 0)).toBe(total);
          weights.forEach((weight, i) => {
            expect(Number.isInteger(weight)).toBe(true);
            expect(Math.abs(weight - ((shares[i] ?? 0) / sum) * total)).toBeLessThan(1 + 1e-9);
          });
        },
      ),
    );
  });

  it('refuses shares that are negative, not finite, or all zero', () => {
    expect(() => roundToTotal([1, -1], 100)).toThrow(RangeError);
    expect(() => roundToTotal([1, Number.NaN], 100)).toThrow(RangeError);
    expect(() => roundToTotal([0, 0], 100)).toThrow(/all 0/);
    expect(roundToTotal([0, 0], 0)).toEqual([0, 0]);
  });
});
