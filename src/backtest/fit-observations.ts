/**
 * The churn history a weight fit learns from, in the two shapes callers have it in, and the
 * standardised design matrix the regression reads.
 */

/** One account's dimension scores (0–100, null where it had no data) in dimension order, and whether it churned. */
export interface FitObservation {
  readonly dimensions: readonly (number | null)[];
  readonly churned: boolean;
}

/** The same history column by column, for millions of accounts: `scores[d][i]` is account i's score on dimension d, NaN where it had no data; `churned[i]` is 1 when it churned, else 0. */
export interface ColumnarHistory {
  readonly scores: readonly Float64Array[];
  readonly churned: Uint8Array;
}

/** What a dimension's column looked like before the fit: how much of it was real data, and its spread. */
export interface ColumnSummary {
  /** Accounts with a score on this dimension. */
  readonly observed: number;
  /** Accounts without one, given the dimension's mean instead. */
  readonly filled: number;
  /** Mean of the observed scores (also the value filled in); NaN when none was observed. */
  readonly mean: number;
  /** Standard deviation of the column after filling; 0 when it does not vary. */
  readonly sd: number;
}

/** The fit's input: standardised scores of the usable dimensions, row-major, with the churn outcomes. */
export interface DesignMatrix {
  /** `values[i * columns + c]`: account i on usable dimension c, as (score − mean) / sd. */
  readonly values: Float64Array;
  readonly rows: number;
  readonly columns: number;
  readonly churned: Uint8Array;
}

/** Turns row-shaped history into columns, checking every row has one score in 0–100 or null per dimension. */
export function historyToColumns(
  history: readonly FitObservation[],
  dimensionCount: number,
): ColumnarHistory {
  const scores = Array.from({ length: dimensionCount }, () => new Float64Array(history.length));
  const churned = new Uint8Array(history.length);
  history.forEach((observation, row) => {
    if (observation.dimensions.length !== dimensionCount) {
      throw new RangeError(
        `Observation ${row} has ${observation.dimensions.length} dimension scores; the model has ${dimensionCount}.`,
      );
    }
    observation.dimensions.forEach((score, dimension) => {
      if (score !== null) checkScore(score, row, dimension);
      (scores[dimension] as Float64Array)[row] = score ?? Number.NaN;
    });
    churned[row] = observation.churned ? 1 : 0;
  });
  return { scores, churned };
}

/** Checks columnar history has one column per dimension, all as long as the outcomes, with scores in 0–100 or NaN. */
export function checkColumns(history: ColumnarHistory, dimensionCount: number): void {
  if (history.scores.length !== dimensionCount) {
    throw new RangeError(
      `The history has ${history.scores.length} score columns; the model has ${dimensionCount} dimensions.`,
    );
  }
  const rows = history.churned.length;
  history.scores.forEach((column, dimension) => {
    if (column.length !== rows) {
      throw new RangeError(
        `Score column ${dimension} has ${column.length} rows; the churn outcomes have ${rows}.`,
      );
    }
    for (let row = 0; row < rows; row++) {
      const score = column[row] as number;
      // NaN (no data) fails both comparisons, as every score in 0–100 does; ±Infinity is caught.
      if (score < 0 || score > 100) checkScore(score, row, dimension);
    }
  });
  for (let row = 0; row < rows; row++) {
    const outcome = history.churned[row] as number;
    if (outcome > 1) {
      throw new RangeError(`Churn outcome ${row} is ${outcome}; it must be 0 or 1.`);
    }
  }
}

/** Mean of the observed scores, how many were missing, and the spread once the missing ones hold the mean. */
export function summariseColumn(column: Float64Array): ColumnSummary {
  let observed = 0;
  let sum = 0;
  for (let row = 0; row < column.length; row++) {
    const score = column[row] as number;
    // `score === score` is false only for NaN, and cheaper than a call per score on millions of them.
    if (score === score) {
      observed++;
      sum += score;
    }
  }
  const filled = column.length - observed;
  if (observed === 0) return { observed, filled, mean: Number.NaN, sd: 0 };
  const mean = sum / observed;
  // Filled rows sit on the mean and add nothing to the squares, but they do count in n: this is the
  // spread of the column the regression actually sees.
  let squares = 0;
  for (let row = 0; row < column.length; row++) {
    const score = column[row] as number;
    if (score === score) squares += (score - mean) * (score - mean);
  }
  const sd = Math.sqrt(squares / column.length);
  // A spread this small is rounding noise on a column that does not vary.
  return { observed, filled, mean, sd: sd > 1e-9 ? sd : 0 };
}

/**
 * Packs the chosen columns, standardised and with missing scores at the mean (0 after standardising),
 * into one row-major array: the fit reads each account's few scores side by side, which is what
 * keeps a pass over millions of accounts fast.
 */
export function buildDesignMatrix(
  history: ColumnarHistory,
  usable: readonly { readonly column: number; readonly summary: ColumnSummary }[],
): DesignMatrix {
  const rows = history.churned.length;
  const columns = usable.length;
  const values = new Float64Array(rows * columns);
  usable.forEach(({ column, summary }, c) => {
    const scores = history.scores[column] as Float64Array;
    for (let row = 0; row < rows; row++) {
      const score = scores[row] as number;
      values[row * columns + c] = score === score ? (score - summary.mean) / summary.sd : 0;
    }
  });
  return { values, rows, columns, churned: history.churned };
}

function checkScore(score: number, row: number, dimension: number): void {
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    throw new RangeError(
      `Observation ${row} has score ${score} on dimension ${dimension}; scores are 0–100 or null.`,
    );
  }
}
