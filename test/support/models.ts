import { loadModel } from '../../src/models/load-model.ts';
import { compileModel, type CompiledModel } from '../../src/scoring/compile-model.ts';
import type { Model, ModelInput } from '../../src/scoring/model-schema.ts';
import { seededRandom } from '../../src/sandbox/seeded-random.ts';
import { parseModel } from '../../src/scoring/parse-model.ts';

const cache = new Map<string, CompiledModel>();

/** A shipped preset, compiled once per test file. */
export function preset(name: string): CompiledModel {
  let compiled = cache.get(name);
  if (!compiled) {
    compiled = compileModel(loadModel(name));
    cache.set(name, compiled);
  }
  return compiled;
}

/** Every signal of retention-os at its best value. */
export const FULL_MARKS = {
  login_frequency_pct: 120,
  core_features_adopted: 5,
  usage_depth: 'advanced',
  reply_time_days: 0.5,
  checkin_attendance: 'always',
  proactive_requests: 'monthly',
  payment_history: 'on_time',
  contract_value_trend: 'expanding',
  billing_page_visits_30d: 0,
  champion_status: 'strong',
  stakeholder_count: 4,
  last_sentiment: 'positive',
  goal_status: 'exceeding',
  roi_status: 'clear_positive',
} as const;

/**
 * The worked example of the scoring tests: usage (10+7+3)/3, engagement (1+7)/2, financial 7,
 * relationship 0, outcome 7 → raw 51, coverage 63.
 */
export const WORKED_EXAMPLE = {
  login_frequency_pct: 95,
  core_features_adopted: 3,
  usage_depth: 'basic',
  reply_time_days: 'none',
  checkin_attendance: 'usually',
  payment_history: 'one_late',
  champion_status: 'left',
  goal_status: 'on_track',
} as const;

/** A small two-dimension model for tests of weights, segments and modifiers. */
export function tinyModel(overrides: Partial<ModelInput> = {}): ModelInput {
  return {
    name: 'tiny',
    label: 'Tiny',
    version: 1,
    dimensions: [
      {
        key: 'usage',
        label: 'Usage',
        weight: 60,
        signals: [
          {
            key: 'seats_used_pct',
            label: 'Seats used',
            type: 'number',
            min: 0,
            bands: [{ atLeast: 80, points: 10 }, { atLeast: 40, points: 5 }, { points: 0 }],
          },
        ],
      },
      {
        key: 'support',
        label: 'Support',
        weight: 40,
        signals: [
          { key: 'mood', label: 'Mood', type: 'enum', values: { happy: 10, meh: 5, angry: 0 } },
        ],
      },
    ],
    tiers: [
      { key: 'good', label: 'Good', min: 70, color: 'green' },
      { key: 'okay', label: 'Okay', min: 40, color: 'yellow' },
      { key: 'bad', label: 'Bad', min: 0, color: 'red' },
    ],
    ...overrides,
  };
}

export function compileTiny(overrides: Partial<ModelInput> = {}): CompiledModel {
  return compileModel(parseModel(tinyModel(overrides), 'tiny model'));
}

/** The generating model with each signal's points dealt out again at random: no better than noise. */
export function shuffledModel(model: Model, seed: number): Model {
  const random = seededRandom(seed);
  const deal = (points: number[]) => {
    const out = [...points];
    for (let i = out.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return {
    ...model,
    name: 'shuffled',
    dimensions: model.dimensions.map((d) => ({
      ...d,
      signals: d.signals.map((s) => {
        if (s.type === 'enum') {
          const keys = Object.keys(s.values);
          const points = deal(Object.values(s.values));
          return { ...s, values: Object.fromEntries(keys.map((k, i) => [k, points[i]!])) };
        }
        const points = deal(s.bands.map((b) => b.points));
        return { ...s, bands: s.bands.map((b, i) => ({ ...b, points: points[i]! })) };
      }),
    })),
  };
}
