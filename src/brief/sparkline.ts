import { localDate, parseInstant } from '../plays/local-time.ts';
import type { HistoryPoint } from '../plays/play-types.ts';
import { changeWords } from './brief-words.ts';

/** Thirteen weeks: the quarter a QBR looks back on. */
export const SPARK_WEEKS = 13;
const MARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
/** A week with no score to show: before the account was first scored, or scored without data. */
export const NO_SCORE = '·';
const WEEK_MS = 7 * 86_400_000;

export interface SparkWeek {
  /** The week's last day (portal time); the last week ends today. */
  weekEnding: string;
  score: number | null;
}

export interface Sparkline {
  /** One mark per week, oldest first. */
  marks: string;
  weeks: SparkWeek[];
  /** The trend in words: "from 71 on 2026-09-13 to 58 on 2026-12-06, down 13". */
  words: string;
}

/**
 * A score's mark, on the fixed 0–100 scale in eight equal bands: a flat 80 stays a flat line
 * high up instead of being stretched over the whole height as a min–max scale would.
 */
export function sparkMark(score: number | null): string {
  if (score === null) return NO_SCORE;
  const band = Math.floor((Math.min(100, Math.max(0, score)) * MARKS.length) / 100);
  return MARKS[Math.min(MARKS.length - 1, band)]!;
}

/**
 * The score at the end of each of the last 13 weeks, the last being `current` (the scoring of
 * `now`). The store keeps a reading only when the score moved, so a week's score is the reading
 * in force at its end, not a reading made during it.
 */
export function sparkline(
  history: readonly Pick<HistoryPoint, 'scoredAt' | 'score'>[],
  current: number | null,
  now: Date,
  timeZone: string,
): Sparkline {
  const readings = history
    .map((p) => ({ at: parseInstant(p.scoredAt)?.getTime() ?? NaN, score: p.score }))
    .filter((r) => !Number.isNaN(r.at))
    .sort((a, b) => a.at - b.at);
  const weeks = Array.from({ length: SPARK_WEEKS }, (_, i): SparkWeek => {
    const end = now.getTime() - (SPARK_WEEKS - 1 - i) * WEEK_MS;
    const weekEnding = localDate(new Date(end), timeZone);
    if (i === SPARK_WEEKS - 1) return { weekEnding, score: current };
    let score: number | null = null;
    for (const r of readings) if (r.at <= end) score = r.score;
    return { weekEnding, score };
  });
  return { marks: weeks.map((w) => sparkMark(w.score)).join(''), weeks, words: trendWords(weeks) };
}

function trendWords(weeks: readonly SparkWeek[]): string {
  const scored = weeks.filter((w): w is SparkWeek & { score: number } => w.score !== null);
  const first = scored[0];
  const last = scored.at(-1);
  if (!first || !last) return `no scores in the last ${SPARK_WEEKS} weeks`;
  if (first === last) return `one week with a score so far: ${last.score} on ${last.weekEnding}`;
  const change = last.score - first.score;
  const words = `from ${first.score} on ${first.weekEnding} to ${last.score} on ${last.weekEnding}, ${changeWords(change)}`;
  // A dip that recovered is invisible in the two ends; a CSM should know it happened.
  const low = scored.reduce((min, w) => (w.score < min.score ? w : min));
  if (low.score < Math.min(first.score, last.score))
    return `${words} (lowest ${low.score} on ${low.weekEnding})`;
  return words;
}
