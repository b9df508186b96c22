import type { MrrPoint } from './report-input.ts';

/** What the company paid at `at` (the latest point at or before it); null before its record. */
export function mrrAt(
  points: readonly MrrPoint[],
  at: number,
  parse: (iso: string) => number = Date.parse,
): number | null {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (parse(points[mid]!.at) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : points[lo - 1]!.mrr;
}
