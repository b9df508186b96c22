import { isoInstant } from './iso-instant.ts';
import { hexTime } from './score-series.ts';
import { StoreError } from './store-error.ts';
import type { WeeklyScore } from './store.ts';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface Weeks {
  /** The week ends, oldest first, as ISO times, in ms, and as packed series hold times. */
  iso: string[];
  ms: number[];
  hex: string[];
  /** One point object per week and score, shared by every company that has it: a book of
   * 100,000 companies then holds a few hundred points, not a million. Points are never changed. */
  points: Map<number, WeeklyScore>;
}

/** The ends of the last `weeks` weeks up to `until`, oldest first. */
export function weekEnds(weeks: number, until: string): Weeks {
  if (!Number.isInteger(weeks) || weeks < 1)
    throw new StoreError('invalid-input', `weeks must be a whole number from 1, got ${weeks}.`);
  const end = Date.parse(isoInstant(until, 'until'));
  const ms = Array.from({ length: weeks }, (_, i) => end - (weeks - 1 - i) * WEEK_MS);
  const iso = ms.map((at) => new Date(at).toISOString());
  return { ms, iso, hex: ms.map(hexTime), points: new Map() };
}
