import { localDate } from '../plays/local-time.ts';
import { DAY_MS } from './account-at.ts';
import { memoParse } from './memo-parse.ts';
import type { PortfolioAccount } from './report-input.ts';

export interface TrendPoint {
  /** The week's last day (portal time); the last point is `asOf` itself. */
  weekEnding: string;
  /** Mean score of the accounts that were customers then and had a score; to one decimal. */
  average: number | null;
  ids: string[];
}

export const TREND_WEEKS = 13;

/** The average score at the end of each of the last `weeks` weeks, oldest first. */
export function scoreTrend(
  accounts: readonly PortfolioAccount[],
  asOf: Date,
  timeZone: string,
  weeks = TREND_WEEKS,
): TrendPoint[] {
  const now = asOf.getTime();
  const ends = Array.from({ length: weeks }, (_, i) => now - (weeks - 1 - i) * 7 * DAY_MS);
  const sums = ends.map(() => 0);
  const ids: string[][] = ends.map(() => []);
  const parse = memoParse();
  for (const a of accounts) {
    const scores = scoresAt(a, ends, now, parse);
    // churnedBy, with the churn date parsed once per account instead of once per week.
    const churned = a.churnedAt ? Date.parse(a.churnedAt) : NaN;
    ends.forEach((end, i) => {
      const score = scores[i]!;
      if (score === null || churned <= end) return;
      sums[i]! += score;
      ids[i]!.push(a.companyId);
    });
  }
  return ends.map((end, i) => ({
    weekEnding: localDate(new Date(end), timeZone),
    average: mean(sums[i]!, ids[i]!.length),
    ids: ids[i]!,
  }));
}

/** The mean score of the customers now, to one decimal, and who they are. */
export function currentAverage(accounts: readonly PortfolioAccount[]): {
  average: number | null;
  ids: string[];
} {
  const scored = accounts.filter((a) => a.score !== null);
  const sum = scored.reduce((total, a) => total + a.score!, 0);
  return { average: mean(sum, scored.length), ids: scored.map((a) => a.companyId) };
}

/**
 * The account's score at each instant (ascending): its current score from `asOf` on, else its
 * latest reading at or before. Walks the history back from the newest reading, so only the
 * readings of the trend's weeks are read.
 */
function scoresAt(
  account: PortfolioAccount,
  instants: readonly number[],
  asOf: number,
  parse: (iso: string) => number,
): (number | null)[] {
  const points = account.history;
  const out: (number | null)[] = instants.map(() => null);
  let p = points.length - 1;
  let pointAt = p >= 0 ? parse(points[p]!.at) : -Infinity;
  for (let i = instants.length - 1; i >= 0; i--) {
    const at = instants[i]!;
    if (at >= asOf) {
      out[i] = account.score;
      continue;
    }
    while (p >= 0 && pointAt > at) pointAt = --p >= 0 ? parse(points[p]!.at) : -Infinity;
    out[i] = p >= 0 ? points[p]!.score : null;
  }
  return out;
}

function mean(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 10) / 10;
}
