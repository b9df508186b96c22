import type { DimensionDef } from './model-schema.ts';

/**
 * Whether a float within `tolerance` of .5 must be exactly .5 for this model.
 *
 * A raw score is a fraction whose denominator divides ΣW × L, where L is the lcm over dimensions
 * and over every subset of signals that can have data of (their weight sum × the lcm of their
 * scales); coverage's divides ΣW × lcm(signal weight of each dimension). Any other value lies at
 * least 1 / (2 × that) from .5, so when this gap dwarfs float error, "near .5" means ".5".
 */
export function tieBounds(
  dimensions: DimensionDef[],
  totalWeight: number,
  tolerance: number,
): { score: boolean; coverage: boolean } {
  const safe = (lcm: number | null) =>
    lcm !== null && 1 / (2 * totalWeight * lcm) > 1000 * tolerance;
  const scoreLcm = lcmOf(dimensions.map(dimensionLcm));
  const coverageLcm = lcmOf(dimensions.map((d) => d.signals.reduce((sum, s) => sum + s.weight, 0)));
  return {
    score: safe(scoreLcm),
    coverage: safe(coverageLcm),
  };
}

const MAX_SUBSET_SIGNALS = 16;
const CAP = 1e9;

function dimensionLcm(dimension: DimensionDef): number | null {
  const signals = dimension.signals;
  if (signals.length > MAX_SUBSET_SIGNALS) return null;
  const scales = lcmOf(signals.map((s) => s.scale));
  if (scales === null) return null;
  const sums = new Set<number>();
  for (let mask = 1; mask < 1 << signals.length; mask++) {
    let sum = 0;
    signals.forEach((s, i) => {
      if (mask & (1 << i)) sum += s.weight;
    });
    sums.add(sum);
  }
  return lcmOf([...sums].map((sum) => sum * scales));
}

/** The lcm of the values, or null when one is unknown or it grows past CAP. */
function lcmOf(values: (number | null)[]): number | null {
  let l = 1;
  for (const v of values) {
    if (v === null) return null;
    l = (l / gcd(l, v)) * v;
    if (l > CAP) return null;
  }
  return l;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
