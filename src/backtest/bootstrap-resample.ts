import type { AccountTable } from './bootstrap-accounts.ts';
import { drawWithReplacement } from './bootstrap-random.ts';
import { aucFromHistogram, SCORE_CODES } from './metric-auc.ts';

/** The figures of each resample; NaN where a resample left a figure undefined. */
export interface ResampledFigures {
  auc: Float64Array;
  precision: Float64Array;
  recall: Float64Array;
}

/**
 * A cluster bootstrap: each resample draws as many accounts as there are, with replacement,
 * and takes ALL the months of each account drawn. Drawing single months would treat an
 * account's 24 closely related months as 24 independent pieces of evidence and give intervals
 * far narrower than the data supports.
 */
export function resampleAccounts(
  table: AccountTable,
  resamples: number,
  seed: number,
): ResampledFigures {
  const { accounts, entryStart, entries, alarm, alarmChurned, churnedTiered } = table;
  const figures: ResampledFigures = {
    auc: new Float64Array(resamples),
    precision: new Float64Array(resamples),
    recall: new Float64Array(resamples),
  };
  let state = seed >>> 0;
  const draws = new Uint32Array(accounts);
  const histogram = new Float64Array(SCORE_CODES);
  for (let r = 0; r < resamples; r++) {
    state = drawWithReplacement(state, draws);
    histogram.fill(0);
    let flagged = 0;
    let flaggedChurned = 0;
    let churnedWithTier = 0;
    for (let a = 0; a < accounts; a++) {
      const w = draws[a] as number;
      if (w === 0) continue;
      const end = entryStart[a + 1] as number;
      for (let e = entryStart[a] as number; e < end; e++) {
        const entry = entries[e] as number;
        histogram[entry & 0xff]! += w * (entry >>> 8);
      }
      flagged += w * (alarm[a] as number);
      flaggedChurned += w * (alarmChurned[a] as number);
      churnedWithTier += w * (churnedTiered[a] as number);
    }
    figures.auc[r] = aucFromHistogram(histogram) ?? NaN;
    figures.precision[r] = flagged > 0 ? flaggedChurned / flagged : NaN;
    figures.recall[r] = churnedWithTier > 0 ? flaggedChurned / churnedWithTier : NaN;
  }
  return figures;
}
