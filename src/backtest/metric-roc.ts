import { SCORE_VALUES } from './metric-auc.ts';

/** One point of an ROC curve: what flagging every score at or below a threshold would catch. */
export interface RocPoint {
  /** Observations scoring at or below this are flagged; null for the start, which flags none. */
  threshold: number | null;
  /** Share of the observations not followed by churn that are flagged: false alarms. */
  falsePositiveRate: number;
  /** Share of the observations followed by churn that are flagged: churn caught. */
  truePositiveRate: number;
}

/**
 * The ROC curve of the score as a churn warning (a lower score warns more), from a histogram
 * indexed by `scoreCode`: (0, 0) flagging nothing, then one point per threshold 0–100, the last
 * flagging everything at (1, 1). Its trapezoid area is `aucFromHistogram`. Empty when either
 * class is empty, as the AUC is then null: there is nothing to tell apart.
 */
export function rocFromHistogram(histogram: ArrayLike<number>): RocPoint[] {
  let churned = 0;
  let stayed = 0;
  for (let s = 0; s < SCORE_VALUES; s++) {
    stayed += histogram[2 * s] as number;
    churned += histogram[2 * s + 1] as number;
  }
  if (churned === 0 || stayed === 0) return [];
  const points: RocPoint[] = [{ threshold: null, falsePositiveRate: 0, truePositiveRate: 0 }];
  let stayedFlagged = 0;
  let churnedFlagged = 0;
  for (let s = 0; s < SCORE_VALUES; s++) {
    stayedFlagged += histogram[2 * s] as number;
    churnedFlagged += histogram[2 * s + 1] as number;
    points.push({
      threshold: s,
      falsePositiveRate: stayedFlagged / stayed,
      truePositiveRate: churnedFlagged / churned,
    });
  }
  return points;
}
