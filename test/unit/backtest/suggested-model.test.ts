import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  fitWeights,
  type FitObservation,
  type WeightSuggestion,
} from '../../../src/backtest/fit-weights.ts';
import { suggestedModel } from '../../../src/backtest/suggested-model.ts';
import { loadModel } from '../../../src/models/load-model.ts';
import { seededRandom } from '../../../src/sandbox/seeded-random.ts';
import { compileModel } from '../../../src/scoring/compile-model.ts';
import type { Model } from '../../../src/scoring/model-schema.ts';
import { parseModel } from '../../../src/scoring/parse-model.ts';
import { scoreAccount } from '../../../src/scoring/score-account.ts';

const KEYS = ['usage', 'engagement', 'financial', 'relationship', 'outcome'];
const FITTED_ON = '1,200 account-months of portal 42 (2025-01 to 2025-12, churn within 90 days)';

/** A fit that suggests these weights; suggestedModel reads nothing else of it. */
function fit(suggested: Record<string, number>): WeightSuggestion {
  return {
    suggested,
    reason: null,
    dimensions: [],
    diagnostics: {
      observations: 1_200,
      churned: 80,
      filled: 0,
      dimensionsFitted: KEYS.length,
      iterations: 6,
      converged: true,
      l2: 1,
      logLoss: 0.3,
    },
  };
}

const weightsOf = (model: Model) =>
  Object.fromEntries(model.dimensions.map((d) => [d.key, d.weight]));
const sum = (model: Model) => model.dimensions.reduce((total, d) => total + d.weight, 0);

/** Checks the candidate the way a model file is checked: as data, then compiled. */
function expectValid(model: Model): void {
  const data: unknown = JSON.parse(JSON.stringify(model));
  expect(() => parseModel(data, 'suggested model')).not.toThrow();
  expect(() => compileModel(parseModel(data, 'suggested model'))).not.toThrow();
}

describe('suggestedModel', () => {
  it("leaves out a segment's own weights, which would override the fit, and keeps its tiers", () => {
    const current = parseModel(
      {
        ...structuredClone(loadModel('retention-os')),
        segments: {
          enterprise: { weights: { usage: 20, engagement: 35 } },
          smb: { weights: { usage: 40, engagement: 15 }, tiers: { healthy: 80 } },
        },
      },
      'retention-os with segments',
    );
    const candidate = suggestedModel(
      current,
      fit({ usage: 40, engagement: 30, financial: 10, relationship: 10, outcome: 10 }),
      FITTED_ON,
    );
    expect(candidate.segments).toEqual({ smb: { tiers: { healthy: 80 } } });
    expectValid(candidate);
  });

  it('puts the fitted weights on the current dimensions and keeps everything else', () => {
    const current = loadModel('retention-os');
    const suggested = { usage: 40, engagement: 10, financial: 25, relationship: 15, outcome: 10 };
    const candidate = suggestedModel(current, fit(suggested), FITTED_ON);
    expect(weightsOf(candidate)).toEqual(suggested);
    expect(candidate.dimensions.map((d) => d.key)).toEqual(KEYS);
    expect(candidate.dimensions.map(({ weight: _, ...rest }) => rest)).toEqual(
      current.dimensions.map(({ weight: _, ...rest }) => rest),
    );
    expect(candidate.tiers).toEqual(current.tiers);
    expect(candidate.modifiers).toEqual(current.modifiers);
    expect(candidate.segments).toEqual(current.segments);
    expectValid(candidate);
  });

  it('names itself as a suggestion of the current model and says what it was fitted to', () => {
    const current = loadModel('retention-os');
    const candidate = suggestedModel(
      current,
      fit({ usage: 40, engagement: 10, financial: 25, relationship: 15, outcome: 10 }),
      FITTED_ON,
    );
    expect(candidate.name).toBe('retention-os-suggested');
    expect(candidate.label).toBe('Retention OS (suggested weights)');
    expect(candidate.version).not.toBe(current.version);
    expect(candidate.version.startsWith(current.version)).toBe(true);
    expect(candidate.description).toContain(FITTED_ON);
    expect(candidate.description).toContain('vitals backtest --model');
  });

  it('leaves the current model as it was', () => {
    const current = loadModel('retention-os');
    const before = structuredClone(current);
    suggestedModel(
      current,
      fit({ usage: 60, engagement: 40, financial: 0, relationship: 0, outcome: 0 }),
      FITTED_ON,
    );
    expect(current).toEqual(before);
  });

  it('gives a dimension fitted to 0 a weight of 1, taken from the heaviest', () => {
    const candidate = suggestedModel(
      loadModel('retention-os'),
      fit({ usage: 50, engagement: 30, financial: 20, relationship: 0, outcome: 0 }),
      FITTED_ON,
    );
    expect(weightsOf(candidate)).toEqual({
      usage: 48,
      engagement: 30,
      financial: 20,
      relationship: 1,
      outcome: 1,
    });
    expect(sum(candidate)).toBe(100);
    expectValid(candidate);
  });

  it('takes each point from whichever dimension is heaviest at the time', () => {
    // Usage and engagement tie at 40: one point from each, rather than two from one of them.
    const candidate = suggestedModel(
      loadModel('retention-os'),
      fit({ usage: 40, engagement: 40, financial: 20, relationship: 0, outcome: 0 }),
      FITTED_ON,
    );
    expect(weightsOf(candidate)).toEqual({
      usage: 39,
      engagement: 39,
      financial: 20,
      relationship: 1,
      outcome: 1,
    });
    expectValid(candidate);
  });

  it('keeps a model valid when all the weight went to one dimension', () => {
    const candidate = suggestedModel(
      loadModel('retention-os'),
      fit({ usage: 0, engagement: 0, financial: 100, relationship: 0, outcome: 0 }),
      FITTED_ON,
    );
    expect(weightsOf(candidate)).toEqual({
      usage: 1,
      engagement: 1,
      financial: 96,
      relationship: 1,
      outcome: 1,
    });
    expectValid(candidate);
  });

  it('does the same for every preset, whatever its dimensions', () => {
    for (const name of ['retention-os', 'cs-engine', 'services']) {
      const current = loadModel(name);
      const keys = current.dimensions.map((d) => d.key);
      // Everything on the last dimension, 0 on the rest.
      const weights = Object.fromEntries(keys.map((k, i) => [k, i === keys.length - 1 ? 100 : 0]));
      const candidate = suggestedModel(current, fit(weights), FITTED_ON);
      expect(sum(candidate)).toBe(100);
      expect(candidate.dimensions.every((d) => d.weight >= 1)).toBe(true);
      expect(candidate.dimensions.at(-1)!.weight).toBe(100 - (keys.length - 1));
      expectValid(candidate);
    }
  });

  it('writes to YAML and reads back as the same valid model', () => {
    const candidate = suggestedModel(
      loadModel('retention-os'),
      fit({ usage: 45, engagement: 0, financial: 35, relationship: 20, outcome: 0 }),
      FITTED_ON,
    );
    const reread = parseModel(YAML.parse(YAML.stringify(candidate)), 'written candidate');
    expect(reread).toEqual(candidate);
  });

  it('scores with the new weights once compiled', () => {
    const candidate = compileModel(
      suggestedModel(
        loadModel('retention-os'),
        fit({ usage: 80, engagement: 5, financial: 5, relationship: 5, outcome: 5 }),
        FITTED_ON,
      ),
    );
    expect(candidate.defaultPlan.weights).toEqual([80, 5, 5, 5, 5]);
    // Full marks on usage, 1 point of 10 on engagement, no data elsewhere:
    // 100·(80·1 + 5·0.1) / 85 ≈ 95, where the current weights give 100·(30·1 + 25·0.1) / 55 ≈ 59.
    const account = {
      signals: {
        login_frequency_pct: 100,
        core_features_adopted: 5,
        usage_depth: 'advanced',
        checkin_attendance: 'never',
        proactive_requests: 'never',
        reply_time_days: 10,
      },
    };
    expect(scoreAccount(candidate, account).score).toBe(95);
    expect(scoreAccount(compileModel(loadModel('retention-os')), account).score).toBe(59);
  });

  it('turns a real fit with a dimension that does not protect into a valid model', () => {
    // Churn depends on usage and financial only; the other three are noise and fit to 0.
    const random = seededRandom(21);
    const history: FitObservation[] = Array.from({ length: 3_000 }, () => {
      const dimensions = KEYS.map(() => random.int(0, 100));
      const health = 0.6 * dimensions[0]! + 0.4 * dimensions[2]!;
      const churned = random.next() < 1 / (1 + Math.exp(-(3 - 0.08 * health)));
      return { dimensions, churned };
    });
    const current = loadModel('retention-os');
    const fitted = fitWeights(
      history,
      current.dimensions.map((d) => ({ key: d.key, weight: d.weight })),
    );
    expect(fitted.suggested).not.toBeNull();
    const zeros = KEYS.filter((k) => fitted.suggested![k] === 0);
    expect(zeros.length).toBeGreaterThan(0);
    const candidate = suggestedModel(current, fitted, FITTED_ON);
    for (const key of zeros) expect(weightsOf(candidate)[key]).toBe(1);
    expect(sum(candidate)).toBe(100);
    expectValid(candidate);
  });
});
