import { describe, expect, it } from 'vitest';
import {
  fitWeights,
  type ColumnarHistory,
  type FitObservation,
} from '../../../src/backtest/fit-weights.ts';
import { seededRandom } from '../../../src/sandbox/seeded-random.ts';

const CURRENT = [
  { key: 'usage', weight: 30 },
  { key: 'engagement', weight: 25 },
  { key: 'financial', weight: 20 },
  { key: 'relationship', weight: 15 },
  { key: 'outcome', weight: 10 },
];

/** The weights the synthetic churn is generated from; outcome is pure noise. */
const GENERATING = [45, 30, 15, 10, 0];
/**
 * Each dimension's score range. Engagement's is narrow on purpose: per point it matters as much as
 * its weight says, but it spreads less, so weights from per-sd coefficients would under-weigh it.
 */
const RANGES: readonly (readonly [number, number])[] = [
  [0, 100],
  [30, 70],
  [0, 100],
  [10, 90],
  [0, 100],
];

interface HistoryOptions {
  readonly seed: number;
  readonly accounts: number;
  /** Churn log-odds = intercept − slope · (generating-weighted health score). */
  readonly intercept?: number;
  readonly slope?: number;
  /** Chance that a given dimension score is missing (null). */
  readonly missing?: readonly number[];
}

/** Churn history drawn from known weights: churn ~ Bernoulli(sigmoid(a − b · Σ wᵢ·scoreᵢ / 100)). */
function history(options: HistoryOptions): FitObservation[] {
  const { seed, accounts, intercept = 4, slope = 0.1, missing = [] } = options;
  const random = seededRandom(seed);
  return Array.from({ length: accounts }, () => {
    const scores = RANGES.map(([low, high]) => random.int(low, high));
    const health = scores.reduce((sum, score, d) => sum + ((GENERATING[d] ?? 0) * score) / 100, 0);
    const churnOdds = intercept - slope * health;
    const churned = random.next() < 1 / (1 + Math.exp(-churnOdds));
    const dimensions = scores.map((score, d) => (random.next() < (missing[d] ?? 0) ? null : score));
    return { dimensions, churned };
  });
}

function toColumnar(rows: readonly FitObservation[]): ColumnarHistory {
  return {
    scores: CURRENT.map(
      (_, d) => new Float64Array(rows.map((row) => row.dimensions[d] ?? Number.NaN)),
    ),
    churned: new Uint8Array(rows.map((row) => (row.churned ? 1 : 0))),
  };
}

const byKey = <T extends { key: string }>(items: readonly T[], key: string): T => {
  const found = items.find((item) => item.key === key);
  if (found === undefined) throw new Error(`no ${key}`);
  return found;
};

describe('fitWeights on history generated from known weights', () => {
  const rows = history({ seed: 1, accounts: 20_000 });
  const result = fitWeights(rows, CURRENT);

  it('suggests weights in the generating order, each within 3 points of the generating weight', () => {
    expect(result.reason).toBeNull();
    const suggested = CURRENT.map(({ key }) => result.suggested?.[key] ?? Number.NaN);
    suggested.forEach((weight, d) =>
      expect(Math.abs(weight - (GENERATING[d] ?? 0))).toBeLessThanOrEqual(3),
    );
    const protective = suggested.slice(0, 4);
    expect(protective).toEqual([...protective].sort((a, b) => b - a));
    expect(new Set(protective).size).toBe(4);
  });

  it('gives whole-number weights that sum to exactly 100', () => {
    const weights = Object.values(result.suggested ?? {});
    expect(weights).toHaveLength(5);
    weights.forEach((weight) => expect(Number.isInteger(weight)).toBe(true));
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBe(100);
    expect(result.dimensions.map((d) => d.suggestedWeight)).toEqual(
      CURRENT.map(({ key }) => result.suggested?.[key]),
    );
  });

  it('gives the pure-noise dimension no weight and says it did not separate churned accounts', () => {
    const outcome = byKey(result.dimensions, 'outcome');
    expect(outcome.suggestedWeight).toBe(0);
    expect(outcome.reason).toBe(
      'did not separate churned accounts from the others in this history',
    );
    expect(Math.abs(outcome.coefficient ?? Number.NaN)).toBeLessThan(
      1.96 * (outcome.standardError ?? 0),
    );
  });

  it('explains each weight: the strongest protects most, the others relative to it', () => {
    expect(byKey(result.dimensions, 'usage').reason).toBe('protects most against churn');
    expect(byKey(result.dimensions, 'engagement').reason).toMatch(
      /^protects against churn, about \d+% as much per point as usage$/,
    );
  });

  it('reports coefficients (negative protects), current weights and the fit diagnostics', () => {
    for (const dimension of result.dimensions.slice(0, 4)) {
      expect(dimension.coefficient).toBeLessThan(0);
      expect(dimension.coefficientPerPoint).toBeLessThan(0);
      expect(dimension.standardError).toBeGreaterThan(0);
    }
    expect(result.dimensions.map((d) => d.currentWeight)).toEqual([30, 25, 20, 15, 10]);
    // The slope per point is 0.1 × weight / 100: usage's fitted per-point effect should be near −0.045.
    expect(byKey(result.dimensions, 'usage').coefficientPerPoint).toBeCloseTo(-0.045, 2);
    const churned = rows.filter((row) => row.churned).length;
    expect(result.diagnostics).toEqual({
      observations: 20_000,
      churned,
      filled: 0,
      dimensionsFitted: 5,
      iterations: expect.any(Number),
      converged: true,
      l2: 1,
      logLoss: expect.any(Number),
    });
    expect(result.diagnostics.iterations).toBeGreaterThan(0);
    expect(result.diagnostics.iterations).toBeLessThan(15);
  });

  it('gives the same answer for the same history, in row or column form', () => {
    expect(fitWeights(rows, CURRENT)).toEqual(result);
    expect(fitWeights(toColumnar(rows), CURRENT)).toEqual(result);
  });
});

describe('fitWeights on history with missing scores', () => {
  const rows = history({ seed: 2, accounts: 20_000, missing: [0.1, 0, 0.3, 0, 0.8] });
  const result = fitWeights(rows, CURRENT);

  it('fills missing scores with the mean and says how many it filled, per dimension and in all', () => {
    const nulls = CURRENT.map((_, d) => rows.filter((row) => row.dimensions[d] === null).length);
    expect(nulls[0]).toBeGreaterThan(1500);
    expect(result.dimensions.map((d) => d.filled)).toEqual(nulls);
    expect(result.dimensions.map((d) => d.observed + d.filled)).toEqual(CURRENT.map(() => 20_000));
    expect(result.diagnostics.filled).toBe(nulls.reduce((sum, n) => sum + n, 0));
  });

  it('still suggests weights in the generating order', () => {
    expect(result.reason).toBeNull();
    const [usage, engagement, financial, relationship] = CURRENT.map(
      ({ key }) => result.suggested?.[key] ?? Number.NaN,
    );
    expect(usage).toBeGreaterThan(engagement ?? Infinity);
    expect(engagement).toBeGreaterThan(financial ?? Infinity);
    expect(financial).toBeGreaterThan(relationship ?? Infinity);
  });

  it('says a mostly-missing dimension that did not separate anything was mostly missing', () => {
    const outcome = byKey(result.dimensions, 'outcome');
    expect(outcome.suggestedWeight).toBe(0);
    expect(outcome.reason).toBe(
      `did not separate churned accounts from the others in this history (only ${outcome.observed} of 20000 accounts had a score for it)`,
    );
  });
});

describe('fitWeights refuses to suggest', () => {
  const rows = history({ seed: 3, accounts: 2_000 });

  it('when fewer than 20 accounts churned, saying so in plain words', () => {
    const churners = rows.filter((row) => row.churned).slice(0, 19);
    const result = fitWeights([...rows.filter((row) => !row.churned), ...churners], CURRENT);
    expect(result.suggested).toBeNull();
    expect(result.reason).toBe(
      `Only 19 of ${result.diagnostics.observations} accounts churned in this history; at least 20 churn events are needed to tell which dimensions protect against it.`,
    );
    expect(result.diagnostics).toMatchObject({ churned: 19, iterations: 0, converged: false });
    expect(
      result.dimensions.every((d) => d.suggestedWeight === null && d.coefficient === null),
    ).toBe(true);
  });

  it('but does fit at exactly the minimum number of churn events', () => {
    const churners = rows.filter((row) => row.churned).slice(0, 20);
    const result = fitWeights([...rows.filter((row) => !row.churned), ...churners], CURRENT);
    expect(result.diagnostics.iterations).toBeGreaterThan(0);
    expect(result.reason ?? '').not.toMatch(/churn events are needed/);
  });

  it('when almost every account churned: there is nothing to compare churners with', () => {
    const flipped = rows.map((row) => ({ ...row, churned: true }));
    const result = fitWeights(flipped, CURRENT);
    expect(result.suggested).toBeNull();
    expect(result.reason).toMatch(/^Only 0 of 2000 accounts did not churn/);
  });

  it('when fewer than two dimensions have scores that vary, naming why per dimension', () => {
    const sparse = rows.map((row) => ({
      churned: row.churned,
      dimensions: [row.dimensions[0] ?? null, null, 50, null, null],
    }));
    const result = fitWeights(sparse, CURRENT);
    expect(result.suggested).toBeNull();
    expect(result.reason).toBe(
      'Only one dimension had scores that varied between accounts; weighing dimensions against each other needs at least two.',
    );
    expect(byKey(result.dimensions, 'engagement').reason).toBe(
      'no account in this history had a score for it',
    );
    expect(byKey(result.dimensions, 'financial').reason).toBe(
      'every account in this history had the same score for it, so it could not separate anything',
    );
    expect(result.diagnostics.dimensionsFitted).toBe(1);
  });

  it('when the fit did not settle within its steps, rather than trust half-fitted weights', () => {
    const result = fitWeights(rows, CURRENT, { maxIterations: 1 });
    expect(result.suggested).toBeNull();
    expect(result.reason).toBe(
      'The fit did not settle within 1 step, so its weights cannot be trusted.',
    );
    expect(result.diagnostics).toMatchObject({ iterations: 1, converged: false });
  });

  it('when no dimension protects: churn is unrelated to every score', () => {
    const random = seededRandom(4);
    const noise = rows.map((row) => ({ ...row, churned: random.next() < 0.2 }));
    const result = fitWeights(noise, CURRENT);
    expect(result.suggested).toBeNull();
    expect(result.reason).toMatch(/^No dimension clearly protected against churn/);
    expect(result.diagnostics.converged).toBe(true);
    expect(result.dimensions.every((d) => d.suggestedWeight === null)).toBe(true);
  });
});

describe('fitWeights with dimensions that do not protect', () => {
  it('gives a dimension whose high scores go with more churn no weight, and says so', () => {
    const rows = history({ seed: 5, accounts: 10_000 }).map((row) => {
      // Relationship now raises churn: flip its score so the generating effect runs the other way.
      const relationship = row.dimensions[3] ?? 0;
      return {
        ...row,
        dimensions: row.dimensions.map((s, d) => (d === 3 ? 100 - relationship : s)),
      };
    });
    const result = fitWeights(rows, CURRENT);
    const relationship = byKey(result.dimensions, 'relationship');
    expect(relationship.coefficient).toBeGreaterThan(0);
    expect(relationship.suggestedWeight).toBe(0);
    expect(relationship.reason).toBe(
      'accounts that scored higher on it churned more often, not less, in this history',
    );
    expect(Object.values(result.suggested ?? {}).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('gives a dimension that left the fit for lack of data 0 in a suggestion that goes ahead', () => {
    const rows = history({ seed: 6, accounts: 10_000 }).map((row) => ({
      ...row,
      dimensions: row.dimensions.map((s, d) => (d === 4 ? null : s)),
    }));
    const result = fitWeights(rows, CURRENT);
    expect(result.suggested?.['outcome']).toBe(0);
    expect(byKey(result.dimensions, 'outcome')).toMatchObject({
      suggestedWeight: 0,
      coefficient: null,
      observed: 0,
      filled: 10_000,
      reason: 'no account in this history had a score for it',
    });
  });
});

describe('fitWeights regularisation', () => {
  const rows = history({ seed: 7, accounts: 3_000 });
  const coefficients = (l2: number) =>
    fitWeights(rows, CURRENT, { l2 }).dimensions.map((d) => d.coefficient ?? Number.NaN);
  const norm = (values: readonly number[]) => Math.hypot(...values);

  it('shrinks the coefficients toward 0 as λ grows', () => {
    const [none, light, strong, heavy] = [0, 1, 300, 30_000].map(coefficients);
    expect(norm(light ?? [])).toBeLessThan(norm(none ?? []));
    expect(norm(strong ?? [])).toBeLessThan(norm(light ?? []));
    expect(norm(heavy ?? [])).toBeLessThan(norm(strong ?? []));
    expect(norm(heavy ?? [])).toBeLessThan(0.1 * norm(none ?? []));
  });

  it('reports the λ it used', () => {
    expect(fitWeights(rows, CURRENT, { l2: 42 }).diagnostics.l2).toBe(42);
    expect(fitWeights(rows, CURRENT, { l2: undefined }).diagnostics.l2).toBe(1);
  });
});

describe('fitWeights input checks', () => {
  it('rejects a row with the wrong number of scores or a score outside 0–100', () => {
    expect(() => fitWeights([{ dimensions: [1, 2], churned: false }], CURRENT)).toThrow(
      /Observation 0 has 2 dimension scores; the model has 5/,
    );
    expect(() => fitWeights([{ dimensions: [1, 2, 3, 4, 120], churned: false }], CURRENT)).toThrow(
      /score 120 on dimension 4/,
    );
    expect(() =>
      fitWeights(
        { scores: CURRENT.map(() => new Float64Array([Infinity])), churned: new Uint8Array(1) },
        CURRENT,
      ),
    ).toThrow(/score Infinity/);
  });

  it('rejects duplicate dimension keys and a negative λ', () => {
    expect(() => fitWeights([], [...CURRENT, { key: 'usage', weight: 0 }])).toThrow(/twice/);
    expect(() => fitWeights([], CURRENT, { l2: -1 })).toThrow(/l2/);
  });
});
