import { describe, expect, it } from 'vitest';
import { drawWithReplacement, mulberry32 } from '../../../src/backtest/bootstrap-random.ts';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(42).every((u) => u >= 0 && u < 1)).toBe(true);
  });
});

describe('drawWithReplacement', () => {
  it('draws as many times as there are items, the same draws as mulberry32 would make', () => {
    const draws = new Uint32Array(50);
    const state = drawWithReplacement(7, draws);
    expect(draws.reduce((a, b) => a + b, 0)).toBe(50);
    const random = mulberry32(7);
    const expected = new Uint32Array(50);
    for (let k = 0; k < 50; k++) expected[Math.floor(random() * 50)]! += 1;
    expect(draws).toEqual(expected);
    // The returned state carries on the same sequence.
    const next = new Uint32Array(50);
    drawWithReplacement(state, next);
    const after = new Uint32Array(50);
    for (let k = 0; k < 50; k++) after[Math.floor(random() * 50)]! += 1;
    expect(next).toEqual(after);
  });

  it('leaves some items out and draws others more than once, as resampling should', () => {
    const draws = new Uint32Array(10_000);
    drawWithReplacement(1, draws);
    const missed = draws.filter((d) => d === 0).length / draws.length;
    // About 1/e of items are not drawn at all.
    expect(missed).toBeGreaterThan(0.35);
    expect(missed).toBeLessThan(0.39);
    expect(Math.max(...draws)).toBeGreaterThan(2);
  });
});
