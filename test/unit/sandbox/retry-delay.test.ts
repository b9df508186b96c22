import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../src/sandbox/retry-delay.ts';

const MINUTE = 60_000;

describe('retryDelayMs', () => {
  it('doubles from 2 minutes and stops growing at 8 hours', () => {
    expect([0, 1, 2, 3].map((n) => retryDelayMs(n, 1))).toEqual(
      [2, 4, 8, 16].map((m) => m * MINUTE),
    );
    expect(retryDelayMs(9, 1)).toBe(8 * 60 * MINUTE);
  });

  it('spreads ten retries over about a day, as HubSpot does', () => {
    const total = Array.from({ length: 10 }, (_, n) => retryDelayMs(n, 1)).reduce((a, b) => a + b);
    expect(total / (60 * MINUTE)).toBeGreaterThan(20);
    expect(total / (60 * MINUTE)).toBeLessThan(30);
  });

  it('scales every wait by the knob', () => {
    expect(retryDelayMs(0, 1e-5)).toBeCloseTo(1.2);
  });
});
