import type { PortfolioAccount } from './report-input.ts';

export const DAY_MS = 86_400_000;

/**
 * The account's score as it stood at `at`: its current score from `asOf` on, else its latest
 * earlier reading at or before `at`; null when it had none yet.
 */
export function scoreAt(
  account: Pick<PortfolioAccount, 'score' | 'history'>,
  at: number,
  asOf: number,
): number | null {
  if (at >= asOf) return account.score;
  const points = account.history;
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Date.parse(points[mid]!.at) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : points[lo - 1]!.score;
}

/** Churned at or before `at` (a churn date still ahead does not count yet). */
export function churnedBy(account: Pick<PortfolioAccount, 'churnedAt'>, at: number): boolean {
  if (!account.churnedAt) return false;
  const churned = Date.parse(account.churnedAt);
  return !Number.isNaN(churned) && churned <= at;
}

/** Score points gained (or lost, negative) over the last `days` days; null without a reading. */
export function changeOver(
  account: Pick<PortfolioAccount, 'score' | 'history'>,
  days: number,
  asOf: number,
): number | null {
  const before = scoreAt(account, asOf - days * DAY_MS, asOf);
  return before === null || account.score === null ? null : account.score - before;
}
