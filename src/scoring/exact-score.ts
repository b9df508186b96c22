import type { CompiledModel, Plan, SignalValue } from './compile-model.ts';

/** A non-negative fraction n/d in BigInt, so that a score on .5 cannot be nudged by float error. */
export interface Fraction {
  n: bigint;
  d: bigint;
}

const ZERO: Fraction = { n: 0n, d: 1n };

function add(a: Fraction, b: Fraction): Fraction {
  return reduce(a.n * b.d + b.n * a.d, a.d * b.d);
}

function scale(a: Fraction, by: bigint, over: bigint): Fraction {
  return reduce(a.n * by, a.d * over);
}

// Kept in lowest terms so that large models cannot overflow Number() when a caller converts.
function reduce(n: bigint, d: bigint): Fraction {
  let [a, b] = [n < 0n ? -n : n, d];
  while (b !== 0n) [a, b] = [b, a % b];
  return a > 1n ? { n: n / a, d: d / a } : { n, d };
}

/** Rounds a non-negative fraction half up. */
export function roundHalfUp(x: Fraction): number {
  return Number((2n * x.n + x.d) / (2n * x.d));
}

type Signals = Readonly<Record<string, SignalValue | null | undefined>>;

/** raw = 100 × Σ Wd·(share of dimension d's points earned) / Σ Wd over the dimensions with data, as an exact fraction (null: no data). */
export function exactRaw(model: CompiledModel, plan: Plan, signals: Signals): Fraction | null {
  let weighted = ZERO;
  let weightWithData = 0n;
  model.dimensions.forEach((dimension, index) => {
    let mean = ZERO;
    let signalWeight = 0n;
    for (const s of dimension.signals) {
      const value = signals[s.key];
      if (value === undefined || value === null) continue;
      mean = add(mean, { n: BigInt(s.weight * s.points(value)), d: BigInt(s.scale) });
      signalWeight += BigInt(s.weight);
    }
    if (signalWeight === 0n) return;
    const weight = BigInt(plan.weights[index]!);
    weighted = add(weighted, scale(mean, weight, signalWeight));
    weightWithData += weight;
  });
  return weightWithData === 0n ? null : scale(weighted, 100n, weightWithData);
}

/** The final score before rounding: raw less penalties, floored at 0, then capped. */
export function exactAdjusted(raw: Fraction, penalty: number, cap: number): Fraction {
  let x = add(raw, { n: BigInt(-penalty), d: 1n });
  if (x.n < 0n) x = ZERO;
  if (x.n > BigInt(cap) * x.d) x = { n: BigInt(cap), d: 1n };
  return x;
}

/** Coverage in % as an exact fraction: the share of the weight whose signals had data. */
export function exactCoverage(model: CompiledModel, plan: Plan, signals: Signals): Fraction {
  let covered = ZERO;
  model.dimensions.forEach((dimension, index) => {
    let withData = 0;
    for (const s of dimension.signals) {
      const value = signals[s.key];
      if (value !== undefined && value !== null) withData += s.weight;
    }
    covered = add(covered, {
      n: BigInt(plan.weights[index]! * withData),
      d: BigInt(dimension.signalWeight),
    });
  });
  return scale(covered, 100n, BigInt(plan.totalWeight));
}
