import { SCORE_VALUES } from './metric-auc.ts';

/** Observed churn among the observations whose score fell in one band. */
export interface CalibrationBand {
  /** The band's lowest and highest score, both included. */
  low: number;
  high: number;
  observations: number;
  churned: number;
  /** churned / observations; null for an empty band. */
  rate: number | null;
}

/**
 * Scores 0–100 cut into `bins` bands of equal width, 100 joining the top band (ten bins give
 * 0–9, 10–19, …, 90–100), each with its observed churn rate, from a `scoreCode` histogram.
 */
export function calibrationBands(histogram: Float64Array, bins: number): CalibrationBand[] {
  if (!Number.isInteger(bins) || bins < 1 || bins > 100) {
    throw new RangeError(`calibrationBins is ${bins}; use a whole number from 1 to 100.`);
  }
  const bands: CalibrationBand[] = Array.from({ length: bins }, (_, b) => ({
    low: Math.ceil((b * 100) / bins),
    high: b === bins - 1 ? 100 : Math.ceil(((b + 1) * 100) / bins) - 1,
    observations: 0,
    churned: 0,
    rate: null,
  }));
  for (let s = 0; s < SCORE_VALUES; s++) {
    const band = bands[Math.min(bins - 1, Math.floor((s * bins) / 100))] as CalibrationBand;
    const stayed = histogram[2 * s] as number;
    const churned = histogram[2 * s + 1] as number;
    band.observations += stayed + churned;
    band.churned += churned;
  }
  for (const band of bands) {
    band.rate = band.observations > 0 ? band.churned / band.observations : null;
  }
  return bands;
}
