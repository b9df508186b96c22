import { MONTH_NAMES } from '../reports/last-full-periods.ts';
import type { Estimate } from './metric-estimate.ts';

/** Shown in place of a figure that could not be worked out; the cautions say why. */
export const NO_FIGURE = '—';

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A share as a percentage: one decimal below 10 %, where churn rates usually sit and a whole
 * number would round 0.4 % and 1.4 % to look alike; whole numbers above.
 */
export function formatPercent(share: number): string {
  const p = share * 100;
  return `${p < 10 && p !== 0 ? p.toFixed(1) : Math.round(p).toString()}%`;
}

/** An AUC: two decimals, as it is usually quoted. */
export function formatAuc(value: number): string {
  return value.toFixed(2);
}

/**
 * An estimate with its 95 % interval: "0.74 (0.70–0.78)" when firm; when not, the interval
 * leads and the single number comes last, marked as a best guess, so nobody quotes it alone.
 * An interval that shows as one number (every resample agreed) is not written out twice.
 */
export function formatEstimate(
  estimate: Estimate | null,
  format: (value: number) => string,
): { text: string; firm: boolean } {
  if (estimate === null) return { text: NO_FIGURE, firm: true };
  const value = format(estimate.value);
  const low = format(estimate.low);
  const high = format(estimate.high);
  if (low === high) {
    return estimate.firm
      ? { text: `${value}`, firm: true }
      : { text: `${value} (uncertain)`, firm: false };
  }
  return estimate.firm
    ? { text: `${value} (${low}–${high})`, firm: true }
    : { text: `${low}–${high} (uncertain, best guess ${value})`, firm: false };
}

/** How many times the base rate, e.g. "3.1×". */
export function formatLift(lift: number): string {
  return `${lift.toFixed(1)}×`;
}

/** 'YYYY-MM' as "March 2025"; anything else as given, rather than failing a whole report. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const name = match ? MONTH_NAMES[Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : month;
}

/** An ISO UTC timestamp as "2025-06-01 14:05 UTC"; anything else as given. */
export function formatTimestamp(timestamp: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(timestamp);
  return match ? `${match[1]} ${match[2]} UTC` : timestamp;
}
