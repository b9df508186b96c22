import { fitLogistic, type LogisticFit } from './fit-logistic.ts';
import {
  buildDesignMatrix,
  checkColumns,
  historyToColumns,
  summariseColumn,
  type ColumnarHistory,
  type ColumnSummary,
  type FitObservation,
} from './fit-observations.ts';
import { roundToTotal } from './fit-round-weights.ts';

/**
 * Dimension weights re-fitted against churn history, as a candidate for an admin to look at (`vitals
 * models suggest --from-backtest`), never applied by itself.
 *
 * A penalised logistic regression predicts churn from the dimension scores; a dimension that
 * clearly protects (higher score, less churn) gets weight in proportion to how much, and one that
 * does not gets 0 and a note saying why.
 *
 * Why weights ∝ −(coefficient per score point) rather than per standard deviation: the health score
 * is Σ weight·score on the raw 0–100 scores, so weights proportional to the per-point coefficients
 * make the health score a straight rescaling of the fitted churn log-odds — the ranking of accounts
 * the fit found best. Weights from per-sd coefficients would favour whichever dimension happens to
 * spread its scores widest. The standardised coefficient is still reported: it says how much a
 * typical difference in a dimension matters, which is the fairer comparison for a person.
 *
 * Why 0 and not a floor for a dimension that does not protect: a floor would put back weight the
 * history gave no reason for, and the candidate should show what the data says. An admin who wants
 * to keep watching such a dimension keeps it in the model they actually apply.
 */

export type { ColumnarHistory, FitObservation } from './fit-observations.ts';

/** A dimension of the model being re-fitted, with the weight it has now. */
export interface DimensionWeight {
  readonly key: string;
  readonly weight: number;
}

/** Knobs of the fit; every one has a default. */
export interface FitWeightsOptions {
  /**
   * λ, the L2 penalty on standardised coefficients, a Gaussian prior N(0, 1/λ) on each. The default 1
   * says a one-sd move in one dimension is unlikely to shift churn odds by more than e² ≈ 7×: weak
   * enough that a few hundred churn events outweigh it, strong enough to keep a fit on a few dozen
   * steady when dimensions move together or one separates churners almost perfectly.
   */
  readonly l2?: number;
  /** Fewer churn events than this (or fewer accounts that stayed) and no suggestion is made. Default 20. */
  readonly minChurnEvents?: number;
  /** How many standard errors a coefficient must clear to count as more than noise. Default 1.96. */
  readonly minZ?: number;
  /** Newton steps before the fit gives up. Default 50. */
  readonly maxIterations?: number;
}

/** What the fit found about one dimension, and the weight it suggests. */
export interface DimensionFit {
  readonly key: string;
  readonly currentWeight: number;
  /** Whole-number weight in the candidate model; null when there is no candidate. */
  readonly suggestedWeight: number | null;
  /** Change in churn log-odds per standard deviation of this dimension's score; negative protects. Null when it was not fitted. */
  readonly coefficient: number | null;
  /** The same per point of the 0–100 score: what the suggested weights are proportional to (negated). */
  readonly coefficientPerPoint: number | null;
  /** Standard error of `coefficient`. */
  readonly standardError: number | null;
  /** Accounts with a score on this dimension. */
  readonly observed: number;
  /** Accounts without one, given the dimension's mean in the fit. */
  readonly filled: number;
  /** Why it got its weight, in plain words. */
  readonly reason: string;
}

/** How the fit itself went. */
export interface FitDiagnostics {
  /** Accounts in the history. */
  readonly observations: number;
  /** Of them, how many churned. */
  readonly churned: number;
  /** Missing dimension scores filled with their dimension's mean, over all dimensions. */
  readonly filled: number;
  /** Dimensions that had data that varied, and so went into the regression. */
  readonly dimensionsFitted: number;
  /** Newton steps taken; 0 when no fit was run. */
  readonly iterations: number;
  readonly converged: boolean;
  /** λ used. */
  readonly l2: number;
  /** Mean log-loss of the fitted model on the history; null when no fit was run. */
  readonly logLoss: number | null;
}

/** A candidate set of weights, or the plain reason there is none, with what the fit found per dimension. */
export interface WeightSuggestion {
  /** Candidate weight by dimension key, whole numbers summing to 100; null when the history cannot support one. */
  readonly suggested: Readonly<Record<string, number>> | null;
  /** Why there is no candidate; null when there is one. */
  readonly reason: string | null;
  /** One per dimension, in the order given. */
  readonly dimensions: readonly DimensionFit[];
  readonly diagnostics: FitDiagnostics;
}

const DEFAULTS = { l2: 1, minChurnEvents: 20, minZ: 1.96, maxIterations: 50 } as const;
// Coefficients are in standardised log-odds: 1e-8 of a unit is far below anything that could
// change a whole-number weight.
const TOLERANCE = 1e-8;

/** Suggests whole-number weights summing to 100 from churn history; deterministic, no I/O. */
export function fitWeights(
  history: readonly FitObservation[] | ColumnarHistory,
  dimensions: readonly DimensionWeight[],
  options: FitWeightsOptions = {},
): WeightSuggestion {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  checkDimensions(dimensions);
  checkSettings(settings);
  const columns = isColumnar(history)
    ? (checkColumns(history, dimensions.length), history)
    : historyToColumns(history, dimensions.length);

  const summaries = columns.scores.map(summariseColumn);
  const observations = columns.churned.length;
  const churned = columns.churned.reduce((sum, outcome) => sum + outcome, 0);
  const usable = summaries
    .map((summary, column) => ({ column, summary }))
    .filter(({ summary }) => summary.observed > 0 && summary.sd > 0);
  const baseDiagnostics = {
    observations,
    churned,
    filled: summaries.reduce((sum, summary) => sum + summary.filled, 0),
    dimensionsFitted: usable.length,
    l2: settings.l2,
  };

  const refusal = refusalBeforeFit(observations, churned, usable.length, settings.minChurnEvents);
  if (refusal !== null) {
    return {
      suggested: null,
      reason: refusal,
      dimensions: dimensions.map((dimension, d) => {
        const summary = summaries[d] as ColumnSummary;
        return unfitted(dimension, summary, null, missingDataReason(summary) ?? refusal);
      }),
      diagnostics: { ...baseDiagnostics, iterations: 0, converged: false, logLoss: null },
    };
  }

  const fit = fitLogistic(buildDesignMatrix(columns, usable), {
    l2: settings.l2,
    maxIterations: settings.maxIterations,
    tolerance: TOLERANCE,
  });
  const diagnostics = {
    ...baseDiagnostics,
    iterations: fit.iterations,
    converged: fit.converged,
    logLoss: fit.logLoss,
  };
  const fitted = readFit(fit, usable, settings.minZ);
  const protective = fitted.filter((entry) => entry.verdict === 'protects');

  const weights = new Map<number, number>();
  let reason: string | null = null;
  if (!fit.converged) {
    const steps = settings.maxIterations === 1 ? '1 step' : `${settings.maxIterations} steps`;
    reason = `The fit did not settle within ${steps}, so its weights cannot be trusted.`;
  } else if (protective.length === 0) {
    reason =
      'No dimension clearly protected against churn in this history: accounts that churned did not score lower on any of them.';
  } else {
    const rounded = roundToTotal(
      protective.map((entry) => -entry.perPoint),
      100,
    );
    protective.forEach((entry, i) => weights.set(entry.column, rounded[i] as number));
  }

  const top = reason === null ? strongest(protective) : undefined;
  const results = dimensions.map((dimension, d): DimensionFit => {
    const summary = summaries[d] as ColumnSummary;
    const entry = fitted.find((candidate) => candidate.column === d);
    // Only dimensions without varying data are left out of the fit; they get nothing.
    if (entry === undefined) {
      const why = missingDataReason(summary) ?? 'left out of the fit';
      return unfitted(dimension, summary, reason === null ? 0 : null, why);
    }
    const weight = reason === null ? (weights.get(d) ?? 0) : null;
    return {
      key: dimension.key,
      currentWeight: dimension.weight,
      suggestedWeight: weight,
      coefficient: entry.coefficient,
      coefficientPerPoint: entry.perPoint,
      standardError: entry.standardError,
      observed: summary.observed,
      filled: summary.filled,
      reason: explain(entry, summary, weight, top, dimensions),
    };
  });

  return {
    suggested:
      reason === null
        ? Object.fromEntries(results.map((result) => [result.key, result.suggestedWeight ?? 0]))
        : null,
    reason,
    dimensions: results,
    diagnostics,
  };
}

interface FittedDimension {
  readonly column: number;
  readonly coefficient: number;
  readonly perPoint: number;
  readonly standardError: number;
  /** What the coefficient says once its noise is allowed for. */
  readonly verdict: 'protects' | 'raises churn' | 'unclear';
}

function readFit(
  fit: LogisticFit,
  usable: readonly { readonly column: number; readonly summary: ColumnSummary }[],
  minZ: number,
): FittedDimension[] {
  return usable.map(({ column, summary }, c) => {
    const coefficient = fit.coefficients[c] as number;
    const standardError = fit.standardErrors[c] as number;
    // How many standard errors from 0; a NaN (no standard error) is never clear either way.
    const z = coefficient / standardError;
    return {
      column,
      coefficient,
      perPoint: coefficient / summary.sd,
      standardError,
      verdict: z <= -minZ ? 'protects' : z >= minZ ? 'raises churn' : 'unclear',
    };
  });
}

function refusalBeforeFit(
  observations: number,
  churned: number,
  usableDimensions: number,
  minChurnEvents: number,
): string | null {
  if (churned < minChurnEvents) {
    return `Only ${churned} of ${observations} accounts churned in this history; at least ${minChurnEvents} churn events are needed to tell which dimensions protect against it.`;
  }
  const stayed = observations - churned;
  if (stayed < minChurnEvents) {
    return `Only ${stayed} of ${observations} accounts did not churn in this history; at least ${minChurnEvents} are needed to compare churned accounts with.`;
  }
  if (usableDimensions < 2) {
    return `Only ${usableDimensions === 0 ? 'no dimension' : 'one dimension'} had scores that varied between accounts; weighing dimensions against each other needs at least two.`;
  }
  return null;
}

function unfitted(
  dimension: DimensionWeight,
  summary: ColumnSummary,
  suggestedWeight: number | null,
  reason: string,
): DimensionFit {
  return {
    key: dimension.key,
    currentWeight: dimension.weight,
    suggestedWeight,
    coefficient: null,
    coefficientPerPoint: null,
    standardError: null,
    observed: summary.observed,
    filled: summary.filled,
    reason,
  };
}

/** Why a dimension cannot go into the fit at all; null when it can. */
function missingDataReason(summary: ColumnSummary): string | null {
  if (summary.observed === 0) return 'no account in this history had a score for it';
  if (summary.sd === 0) {
    return 'every account in this history had the same score for it, so it could not separate anything';
  }
  return null;
}

function explain(
  entry: FittedDimension,
  summary: ColumnSummary,
  weight: number | null,
  top: FittedDimension | undefined,
  dimensions: readonly DimensionWeight[],
): string {
  if (entry.verdict === 'protects') {
    // Without a candidate (the fit did not settle) there is no ranking to speak of.
    if (top === undefined) return 'protects against churn';
    if (entry === top) return 'protects most against churn';
    if (weight === 0) {
      return 'protects against churn, but too little to earn a whole point of weight';
    }
    const share = Math.round((100 * entry.perPoint) / top.perPoint);
    const topKey = (dimensions[top.column] as DimensionWeight).key;
    return `protects against churn, about ${share}% as much per point as ${topKey}`;
  }
  if (entry.verdict === 'raises churn') {
    return 'accounts that scored higher on it churned more often, not less, in this history';
  }
  const total = summary.observed + summary.filled;
  // Mostly-filled columns are a likely reason for no signal, and worth saying so.
  const sparse =
    summary.observed * 2 < total
      ? ` (only ${summary.observed} of ${total} accounts had a score for it)`
      : '';
  return `did not separate churned accounts from the others in this history${sparse}`;
}

function strongest(protective: readonly FittedDimension[]): FittedDimension | undefined {
  // Most negative per point; ties to the earlier dimension so the wording is deterministic.
  return protective.reduce<FittedDimension | undefined>(
    (best, entry) => (best === undefined || entry.perPoint < best.perPoint ? entry : best),
    undefined,
  );
}

function isColumnar(
  history: readonly FitObservation[] | ColumnarHistory,
): history is ColumnarHistory {
  return !Array.isArray(history);
}

function checkDimensions(dimensions: readonly DimensionWeight[]): void {
  const seen = new Set<string>();
  for (const { key, weight } of dimensions) {
    if (seen.has(key)) throw new RangeError(`Dimension "${key}" is listed twice.`);
    seen.add(key);
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Dimension "${key}" has weight ${weight}; weights are numbers ≥ 0.`);
    }
  }
}

function checkSettings(settings: Required<FitWeightsOptions>): void {
  if (!Number.isFinite(settings.l2) || settings.l2 < 0) {
    throw new RangeError(`l2 must be a number ≥ 0, not ${settings.l2}.`);
  }
  if (!Number.isInteger(settings.minChurnEvents) || settings.minChurnEvents < 1) {
    throw new RangeError(
      `minChurnEvents must be a whole number ≥ 1, not ${settings.minChurnEvents}.`,
    );
  }
  if (!Number.isFinite(settings.minZ) || settings.minZ < 0) {
    throw new RangeError(`minZ must be a number ≥ 0, not ${settings.minZ}.`);
  }
  if (!Number.isInteger(settings.maxIterations) || settings.maxIterations < 1) {
    throw new RangeError(
      `maxIterations must be a whole number ≥ 1, not ${settings.maxIterations}.`,
    );
  }
}

// `{ l2: undefined }` must mean "use the default", not "replace it with undefined".
function definedOnly(options: FitWeightsOptions): Partial<FitWeightsOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
