import { SCORE_CODES } from './metric-auc.ts';
import type { ObservationColumns } from './metric-observations.ts';

/** Whole-data counts from one pass over the observations, the basis of every point figure. */
export interface Tally {
  observations: number;
  accounts: number;
  churnEvents: number;
  churnedAccounts: number;
  unscored: number;
  untiered: number;
  /** Scored observations followed by churn, and not. */
  scoredChurned: number;
  scoredStayed: number;
  months: { first: string | null; last: string | null; count: number };
  /** Scored observations by `scoreCode` (score and churn). */
  histogram: Float64Array;
  /** Observations and churned observations per tier, in the order of the options' tiers. */
  tierObservations: Float64Array;
  tierChurned: Float64Array;
  /** Observations per account index (0 for an index no observation uses). */
  accountObservations: Uint32Array;
}

/**
 * Counts the observations in one pass, checking every column entry on the way: a bad index is
 * a caller's bug, better stopped here than reported as a figure.
 */
export function tallyObservations(columns: ObservationColumns, tierCount: number): Tally {
  const { account, month, months, score, tier, churned } = columns;
  const n = churned.length;
  for (const [name, column] of [
    ['account', account],
    ['month', month],
    ['score', score],
    ['tier', tier],
  ] as const) {
    if (column.length !== n) {
      throw new RangeError(`Column ${name} has ${column.length} entries; churned has ${n}.`);
    }
  }
  let accountSlots = 0;
  for (let i = 0; i < n; i++) accountSlots = Math.max(accountSlots, (account[i] as number) + 1);

  const histogram = new Float64Array(SCORE_CODES);
  const tierObservations = new Float64Array(tierCount);
  const tierChurned = new Float64Array(tierCount);
  const accountObservations = new Uint32Array(accountSlots);
  const accountChurned = new Uint8Array(accountSlots);
  const monthSeen = new Uint8Array(months.length);
  let churnEvents = 0;
  let scoredChurned = 0;
  let unscored = 0;
  let untiered = 0;
  for (let i = 0; i < n; i++) {
    const a = account[i] as number;
    const m = month[i] as number;
    const s = score[i] as number;
    const t = tier[i] as number;
    const c = churned[i] as number;
    if (m >= months.length) throw new RangeError(`Observation ${i} has month index ${m}.`);
    if (s < -1 || s > 100) throw new RangeError(`Observation ${i} has score ${s}.`);
    if (t < -1 || t >= tierCount) throw new RangeError(`Observation ${i} has tier index ${t}.`);
    if (c > 1) throw new RangeError(`Observation ${i} has churned ${c}; use 0 or 1.`);
    accountObservations[a]! += 1;
    accountChurned[a]! |= c;
    monthSeen[m] = 1;
    churnEvents += c;
    if (s < 0) unscored++;
    else {
      histogram[s * 2 + c]! += 1;
      scoredChurned += c;
    }
    if (t < 0) untiered++;
    else {
      tierObservations[t]! += 1;
      tierChurned[t]! += c;
    }
  }
  return {
    observations: n,
    accounts: accountObservations.reduce((k, count) => k + (count > 0 ? 1 : 0), 0),
    churnEvents,
    churnedAccounts: accountChurned.reduce((k, c) => k + c, 0),
    unscored,
    untiered,
    scoredChurned,
    scoredStayed: n - unscored - scoredChurned,
    months: monthSpan(months.filter((_, m) => monthSeen[m] === 1)),
    histogram,
    tierObservations,
    tierChurned,
    accountObservations,
  };
}

function monthSpan(seen: readonly string[]): Tally['months'] {
  const sorted = [...new Set(seen)].sort();
  return { first: sorted[0] ?? null, last: sorted.at(-1) ?? null, count: sorted.length };
}
