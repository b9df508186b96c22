/** A range of plausible values for an estimate. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The value below which a share `q` of sorted values falls, interpolating between neighbours
 * (the usual "type 7" quantile), so small resample counts do not snap to one value.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new RangeError('No values to take a quantile of.');
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (position - below);
}

/**
 * The percentile interval holding the central `level` share of bootstrap values; NaN marks a
 * resample where the figure was undefined, and is left out. Null when no value is left.
 */
export function percentileInterval(values: Float64Array, level = 0.95): Interval | null {
  const defined = values.filter((v) => !Number.isNaN(v)).sort();
  if (defined.length === 0) return null;
  const tail = (1 - level) / 2;
  return { low: quantileOfSorted(defined, tail), high: quantileOfSorted(defined, 1 - tail) };
}
