import type { Interval } from './bootstrap-interval.ts';

/**
 * A figure with its 95 % interval. When `firm` is false the figure should be shown as its
 * interval ("between 0.61 and 0.83"), not as a number that looks certain.
 */
export interface Estimate {
  value: number;
  low: number;
  high: number;
  firm: boolean;
}

/**
 * An estimate from its point value and bootstrap interval. No interval (every resample left
 * the figure undefined) means anything from 0 to 1 is possible; a point value outside the
 * interval widens it, so the range shown always contains the figure.
 */
export function toEstimate(
  value: number,
  interval: Interval | null,
  maxFirmWidth: number,
  enoughData: boolean,
): Estimate {
  const low = Math.min(interval?.low ?? 0, value);
  const high = Math.max(interval?.high ?? 1, value);
  return { value, low, high, firm: enoughData && high - low <= maxFirmWidth };
}
