import { choleskyFactor, choleskyInverseDiagonal, choleskySolve } from './fit-cholesky.ts';
import type { DesignMatrix } from './fit-observations.ts';

/**
 * L2-penalised logistic regression by Newton's method (IRLS) with step halving.
 *
 * Written here rather than taken from npm: the registry's logistic regressions either have no
 * penalty and no intercept and take tens of thousands of fixed gradient steps over the whole matrix
 * (ml-logistic-regression), are online SGD whose answer depends on row order and never says whether
 * it has settled (@stdlib/ml-incr-binary-classification), or are unmaintained without a penalty
 * (glm). With a handful of parameters Newton's method is a few passes over the data, exact to
 * rounding, and reports its own convergence.
 *
 * It minimises  Σᵢ logloss(yᵢ, β₀ + xᵢ·β) + (λ/2)·‖β‖²  with the intercept β₀ unpenalised. The
 * penalty is on the sum, not the mean, so it acts like a Gaussian prior N(0, 1/λ) on each
 * coefficient: it matters when churn events are few and fades as history grows, which is when the
 * data should be allowed to speak for itself.
 */

/** How hard to look for the penalised optimum. */
export interface LogisticOptions {
  /** λ, the L2 penalty on the (standardised) coefficients; 0 for none. */
  readonly l2: number;
  /** Newton steps to try before giving up. */
  readonly maxIterations: number;
  /** Converged once no coefficient moves by more than this in a Newton step. */
  readonly tolerance: number;
}

/** The fitted model on the design matrix's (standardised) scale, with how the fit went. */
export interface LogisticFit {
  readonly intercept: number;
  /** One per design column: change in churn log-odds per standard deviation of that column. */
  readonly coefficients: readonly number[];
  /** Approximate standard errors of the coefficients, from the inverse penalised Hessian at the optimum. */
  readonly standardErrors: readonly number[];
  /** Newton steps taken. */
  readonly iterations: number;
  readonly converged: boolean;
  /** Mean log-loss of the fitted model on the data it was fitted to (penalty excluded). */
  readonly logLoss: number;
}

/** Fits churn ~ design columns by penalised maximum likelihood. */
export function fitLogistic(design: DesignMatrix, options: LogisticOptions): LogisticFit {
  const { l2, maxIterations, tolerance } = options;
  if (!Number.isFinite(l2) || l2 < 0) throw new RangeError(`λ must be ≥ 0, not ${l2}.`);
  if (design.rows === 0) throw new RangeError('Cannot fit a model to no observations.');
  const size = design.columns + 1;

  const churnRate = countOnes(design.churned) / design.rows;
  const beta = new Float64Array(size);
  // Starting at the base rate with flat coefficients puts the first step close to the answer.
  beta[0] = churnRate > 0 && churnRate < 1 ? Math.log(churnRate / (1 - churnRate)) : 0;
  let state = evaluate(design, beta, l2);

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const lower = choleskyFactor(state.hessian, size);
    if (lower === null) break;
    const step = choleskySolve(
      lower,
      size,
      state.gradient.map((g) => -g),
    );
    if (maxAbs(step) <= tolerance) {
      converged = true;
      break;
    }
    iterations++;
    // Newton's full step can overshoot far from the optimum (near-separated data); halving it until
    // the objective falls enough (Armijo) makes every step an improvement. Close to the optimum the
    // gain a step promises (half the Newton decrement) drops below the rounding noise of a sum over
    // millions of rows, the comparison means nothing, and the full step is the right one.
    const slope = dot(state.gradient, step);
    const withinNoise = -slope / 2 <= 1e-12 * (1 + Math.abs(state.objective));
    let scale = 1;
    let candidate = moved(beta, step, scale);
    let next = evaluate(design, candidate, l2);
    while (!withinNoise && !(next.objective <= state.objective + 1e-4 * scale * slope)) {
      scale /= 2;
      if (scale < 1e-10) break;
      candidate = moved(beta, step, scale);
      next = evaluate(design, candidate, l2);
    }
    // No step along Newton's direction helps: stuck, and honest about it.
    if (scale < 1e-10) break;
    beta.set(candidate);
    state = next;
  }

  const lower = choleskyFactor(state.hessian, size);
  const variances = lower === null ? null : choleskyInverseDiagonal(lower, size);
  const coefficients = Array.from(beta.subarray(1));
  return {
    intercept: beta[0] as number,
    coefficients,
    standardErrors: coefficients.map((_, c) =>
      variances === null ? Number.NaN : Math.sqrt(variances[c + 1] as number),
    ),
    iterations,
    converged,
    logLoss: state.logLoss / design.rows,
  };
}

interface Evaluation {
  /** Penalised objective to minimise. */
  readonly objective: number;
  /** Summed log-loss alone. */
  readonly logLoss: number;
  readonly gradient: Float64Array;
  /** Row-major, size × size, symmetric. */
  readonly hessian: Float64Array;
}

/** Rows handled together: small enough that a block's scores stay in cache between its two loops. */
const BLOCK = 1024;

/**
 * One pass over the data: the objective, its gradient and its Hessian at `beta`. This is the hot
 * loop (millions of rows, a few times per fit). It goes a block of rows at a time: first each row's
 * probability (one exp and one log1p), then each Hessian cell summed over the block into a local
 * variable, which the engine keeps in a register instead of writing the same array cell per row.
 */
function evaluate(design: DesignMatrix, beta: Float64Array, l2: number): Evaluation {
  const { values, rows, columns, churned } = design;
  const size = columns + 1;
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const coefficients = beta.subarray(1);
  const intercept = beta[0] as number;
  const weights = new Float64Array(BLOCK);
  const residuals = new Float64Array(BLOCK);
  let logLoss = 0;

  for (let start = 0; start < rows; start += BLOCK) {
    const count = Math.min(BLOCK, rows - start);
    let weightSum = 0;
    let residualSum = 0;
    for (let i = 0, base = start * columns; i < count; i++, base += columns) {
      let eta = intercept;
      for (let c = 0; c < columns; c++) {
        eta += (coefficients[c] as number) * (values[base + c] as number);
      }
      const outcome = churned[start + i] as number;
      // p and log(1 + e^η) from e^(−|η|), which never overflows.
      const e = Math.exp(-Math.abs(eta));
      const p = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
      logLoss += (eta > 0 ? eta : 0) + Math.log1p(e) - outcome * eta;
      const weight = p * (1 - p);
      weights[i] = weight;
      residuals[i] = p - outcome;
      weightSum += weight;
      residualSum += p - outcome;
    }
    gradient[0] = (gradient[0] as number) + residualSum;
    hessian[0] = (hessian[0] as number) + weightSum;

    const offset = start * columns;
    for (let a = 0; a < columns; a++) {
      let gradientSum = 0;
      let interceptCross = 0;
      for (let i = 0, at = offset + a; i < count; i++, at += columns) {
        const xa = values[at] as number;
        gradientSum += (residuals[i] as number) * xa;
        interceptCross += (weights[i] as number) * xa;
      }
      gradient[a + 1] = (gradient[a + 1] as number) + gradientSum;
      hessian[a + 1] = (hessian[a + 1] as number) + interceptCross;
      for (let b = a; b < columns; b++) {
        let cross = 0;
        for (let i = 0, at = offset; i < count; i++, at += columns) {
          cross += (weights[i] as number) * (values[at + a] as number) * (values[at + b] as number);
        }
        const cell = (a + 1) * size + b + 1;
        hessian[cell] = (hessian[cell] as number) + cross;
      }
    }
  }

  let penalty = 0;
  for (let c = 1; c < size; c++) {
    const coefficient = beta[c] as number;
    penalty += coefficient * coefficient;
    gradient[c] = (gradient[c] as number) + l2 * coefficient;
    hessian[c * size + c] = (hessian[c * size + c] as number) + l2;
  }
  for (let a = 0; a < size; a++) {
    for (let b = a + 1; b < size; b++) hessian[b * size + a] = hessian[a * size + b] as number;
  }
  return { objective: logLoss + (l2 / 2) * penalty, logLoss, gradient, hessian };
}

function moved(beta: Float64Array, step: Float64Array, scale: number): Float64Array {
  return beta.map((value, i) => value + scale * (step[i] as number));
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

function maxAbs(values: Float64Array): number {
  let max = 0;
  for (const value of values) max = Math.max(max, Math.abs(value));
  return max;
}

function countOnes(values: Uint8Array): number {
  let count = 0;
  for (const value of values) count += value;
  return count;
}
