import { daysBefore, parseInstant } from './local-time.ts';
import type { HistoryPoint } from './play-types.ts';

// The store keeps a reading only when the score, tier or coverage changed, so the value at a
// past moment is the latest reading at or before it, not the reading nearest to it.

/** The reading in force at `at`. */
export function readingAt(history: readonly HistoryPoint[], at: Date): HistoryPoint | null {
  let found: HistoryPoint | null = null;
  for (const point of history) {
    const scoredAt = parseInstant(point.scoredAt);
    if (scoredAt && scoredAt <= at) found = point;
  }
  return found;
}

/** The reading in force `days` ago and every reading since, up to `now`, oldest first. */
export function readingsWithin(
  history: readonly HistoryPoint[],
  now: Date,
  days: number,
): HistoryPoint[] {
  const from = daysBefore(now, days);
  const atStart = readingAt(history, from);
  const inside = history.filter((point) => {
    const scoredAt = parseInstant(point.scoredAt);
    return scoredAt !== null && scoredAt > from && scoredAt <= now;
  });
  return atStart ? [atStart, ...inside] : inside;
}

/** The highest score of the last `days` days, with its reading. */
export function peakWithin(
  history: readonly HistoryPoint[],
  now: Date,
  days: number,
): (HistoryPoint & { score: number }) | null {
  let peak: (HistoryPoint & { score: number }) | null = null;
  for (const point of readingsWithin(history, now, days)) {
    if (point.score !== null && (peak === null || point.score > peak.score))
      peak = { ...point, score: point.score };
  }
  return peak;
}

/** What a play's score change is measured against by default: the reading of a week ago. */
export function weekAgoReading(history: readonly HistoryPoint[], now: Date): HistoryPoint | null {
  return readingsWithin(history, now, 7)[0] ?? null;
}
