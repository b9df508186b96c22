import { describe, expect, it } from 'vitest';
import { HALF_TOLERANCE } from '../../../src/scoring/compile-model.ts';
import { tieBounds } from '../../../src/scoring/tie-bounds.ts';
import { preset } from '../../support/models.ts';

describe('tieBounds', () => {
  it('lets retention-os settle a near-.5 float as a tie: no fraction of its lands closer than 1/12,000', () => {
    expect(preset('retention-os').exactTies).toEqual({ score: true, coverage: true });
  });

  it('sends services to the exact path: its signal weights 30/25/20/25 make finer fractions', () => {
    expect(preset('services').exactTies).toEqual({ score: false, coverage: true });
  });

  it('gives up on a dimension too large to enumerate instead of guessing', () => {
    const signals = Array.from({ length: 17 }, (_, i) => ({
      key: `s${i}`,
      label: `S${i}`,
      type: 'enum' as const,
      weight: 1,
      scale: 10,
      values: { a: 10 },
    }));
    const bounds = tieBounds([{ key: 'd', label: 'D', weight: 100, signals }], 100, HALF_TOLERANCE);
    expect(bounds.score).toBe(false);
  });
});
