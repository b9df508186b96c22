/** Scores are whole numbers 0–100: one histogram bin each. */
export const SCORE_VALUES = 101;

/** Bins of a score histogram that keeps churned and staying observations apart. */
export const SCORE_CODES = SCORE_VALUES * 2;

/**
 * The bin of a scored observation in a score histogram: even bins count observations not
 * followed by churn, odd bins those followed by churn, so one array serves both classes.
 */
export function scoreCode(score: number, churned: boolean): number {
  return score * 2 + (churned ? 1 : 0);
}

/**
 * The AUC of the score as a churn warning, from a histogram indexed by `scoreCode`: the chance
 * that a churned observation scored LOWER than a staying one, ties counting half. Null when
 * either class is empty, since there is then nothing to tell apart.
 */
export function aucFromHistogram(histogram: ArrayLike<number>): number | null {
  let churned = 0;
  let stayed = 0;
  for (let s = 0; s < SCORE_VALUES; s++) {
    stayed += histogram[2 * s] as number;
    churned += histogram[2 * s + 1] as number;
  }
  if (churned === 0 || stayed === 0) return null;
  // Walking up the scores, `stayedAbove` is how many staying observations outscore this bin:
  // the whole pairwise count in O(101) instead of sorting.
  let stayedAbove = stayed;
  let pairs = 0;
  for (let s = 0; s < SCORE_VALUES; s++) {
    const stayedHere = histogram[2 * s] as number;
    stayedAbove -= stayedHere;
    pairs += (histogram[2 * s + 1] as number) * (stayedAbove + 0.5 * stayedHere);
  }
  return pairs / (churned * stayed);
}
