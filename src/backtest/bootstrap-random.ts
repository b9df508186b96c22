/**
 * A seeded generator of uniform numbers in [0, 1) (mulberry32): the same seed always gives the
 * same sequence, so a backtest's intervals can be reproduced exactly.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    return mix(state) / 4294967296;
  };
}

/**
 * Draws `draws.length` times, with replacement, from as many items, counting in `draws` how
 * often each came up; returns the generator state to continue from. The generator is
 * mulberry32, inlined: this is the bootstrap's innermost loop after the histograms.
 */
export function drawWithReplacement(state: number, draws: Uint32Array): number {
  const n = draws.length;
  draws.fill(0);
  let s = state >>> 0;
  for (let k = 0; k < n; k++) {
    s = (s + 0x6d2b79f5) >>> 0;
    draws[Math.floor((mix(s) * n) / 4294967296)]! += 1;
  }
  return s;
}

function mix(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
