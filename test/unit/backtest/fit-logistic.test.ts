import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../../src/backtest/fit-logistic.ts';
import type { DesignMatrix } from '../../../src/backtest/fit-observations.ts';
import { seededRandom } from '../../../src/sandbox/seeded-random.ts';

const OPTIONS = { l2: 0, maxIterations: 50, tolerance: 1e-10 };
const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** One column x ∈ {−1, +1}: `churnedLow` of `low` rows at −1 churned, `churnedHigh` of `high` at +1. */
function twoGroups(
  low: number,
  churnedLow: number,
  high: number,
  churnedHigh: number,
): DesignMatrix {
  const rows = low + high;
  const values = new Float64Array(rows).map((_, i) => (i < low ? -1 : 1));
  const churned = new Uint8Array(rows).map((_, i) =>
    (i < low ? i < churnedLow : i - low < churnedHigh) ? 1 : 0,
  );
  return { values, rows, columns: 1, churned };
}

/** `rows` × `columns` standard-normal scores with churn drawn from known coefficients. */
function drawn(seed: number, rows: number, coefficients: readonly number[], intercept: number) {
  const random = seededRandom(seed);
  const columns = coefficients.length;
  const values = new Float64Array(rows * columns).map(() => random.normal(0, 1));
  const churned = new Uint8Array(rows).map((_, i) => {
    let eta = intercept;
    coefficients.forEach((b, c) => (eta += b * (values[i * columns + c] ?? 0)));
    return random.next() < sigmoid(eta) ? 1 : 0;
  });
  return { values, rows, columns, churned };
}

/** Gradient of the penalised objective at a fit: zero at the optimum. */
function penalisedGradient(
  design: DesignMatrix,
  intercept: number,
  coefficients: readonly number[],
  l2: number,
): number[] {
  const gradient = new Array<number>(design.columns + 1).fill(0);
  for (let i = 0; i < design.rows; i++) {
    let eta = intercept;
    coefficients.forEach((b, c) => (eta += b * (design.values[i * design.columns + c] ?? 0)));
    const residual = sigmoid(eta) - (design.churned[i] ?? 0);
    gradient[0] = (gradient[0] ?? 0) + residual;
    coefficients.forEach((_, c) => {
      gradient[c + 1] =
        (gradient[c + 1] ?? 0) + residual * (design.values[i * design.columns + c] ?? 0);
    });
  }
  return gradient.map((g, j) => (j === 0 ? g : g + l2 * (coefficients[j - 1] ?? 0)));
}

describe('fitLogistic', () => {
  it('matches the closed-form maximum likelihood for two groups without a penalty', () => {
    // 30 of 100 churned at x = −1 and 10 of 200 at x = +1: the fitted log-odds are the groups' own.
    const fit = fitLogistic(twoGroups(100, 30, 200, 10), OPTIONS);
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo((logit(0.3) + logit(0.05)) / 2, 9);
    expect(fit.coefficients[0]).toBeCloseTo((logit(0.05) - logit(0.3)) / 2, 9);
    // Var(β) = (1/(n₋p₋q₋) + 1/(n₊p₊q₊)) / 4 for this coding.
    const variance = (1 / (100 * 0.3 * 0.7) + 1 / (200 * 0.05 * 0.95)) / 4;
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(variance), 9);
  });

  it('lands where the penalised gradient is zero, for any λ', () => {
    const design = drawn(1, 5_000, [-1, 0.5, 0, -0.25], -1.5);
    for (const l2 of [0, 1, 50, 5_000]) {
      const fit = fitLogistic(design, { ...OPTIONS, l2 });
      expect(fit.converged).toBe(true);
      const gradient = penalisedGradient(design, fit.intercept, fit.coefficients, l2);
      gradient.forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-6));
    }
  });

  it('recovers the generating coefficients, within about two standard errors', () => {
    const truth = [-1, 0.5, 0, -0.25];
    const fit = fitLogistic(drawn(2, 20_000, truth, -1.5), { ...OPTIONS, l2: 1 });
    truth.forEach((b, c) => {
      expect(Math.abs((fit.coefficients[c] ?? 0) - b)).toBeLessThan(
        2.5 * (fit.standardErrors[c] ?? 0),
      );
    });
  });

  it('stays finite on perfectly separated data once penalised, and converges', () => {
    // Every churner at x = −1, none at +1: without a penalty the coefficient would run to −∞.
    const fit = fitLogistic(twoGroups(50, 50, 50, 0), { ...OPTIONS, l2: 1 });
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.coefficients[0])).toBe(true);
    expect(fit.coefficients[0]).toBeLessThan(-1);
  });

  it('says it did not converge when it runs out of steps', () => {
    const fit = fitLogistic(drawn(3, 2_000, [-1, 1], 0), { ...OPTIONS, maxIterations: 1 });
    expect(fit).toMatchObject({ iterations: 1, converged: false });
  });

  it('leaves the intercept unpenalised: a huge λ flattens the slopes but keeps the base rate', () => {
    const design = drawn(4, 5_000, [-1, 1], -2);
    const rate = design.churned.reduce((sum, y) => sum + y, 0) / design.rows;
    const fit = fitLogistic(design, { ...OPTIONS, l2: 1e9 });
    fit.coefficients.forEach((b) => expect(Math.abs(b)).toBeLessThan(1e-4));
    expect(fit.intercept).toBeCloseTo(logit(rate), 3);
  });
});
