import type { Measurement } from './measure.ts';

/** Median, min and max of repeated figures, as the tables show them. */
export function figuresOf(values: readonly number[]): Measurement {
  if (values.length === 0) throw new Error('No runs to summarise.');
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    runs: sorted.length,
  };
}

/** 12,345 */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Seconds with one decimal. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
