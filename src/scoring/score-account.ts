import { HALF_TOLERANCE, planFor, tierFor } from './compile-model.ts';
import type { CompiledModel, Plan, SignalValue } from './compile-model.ts';
import { exactAdjusted, exactCoverage, exactRaw, roundHalfUp } from './exact-score.ts';
import type { Segment } from './model-schema.ts';

export interface AccountSignals {
  segment?: Segment | null | undefined;
  signals: Readonly<Record<string, SignalValue | null | undefined>>;
  modifiers?: Readonly<Record<string, number | null | undefined>> | undefined;
}

export interface ScoreResult {
  /** 0–100, or null when the account has no data at all. */
  score: number | null;
  tier: string;
  /** 0–100: the share of the model's weight that had data. */
  coverage: number;
}

export const UNKNOWN_TIER = 'unknown';

/** Score one account: the fast path, no explanation. Input must already be valid for the model. */
export function scoreAccount(model: CompiledModel, account: AccountSignals): ScoreResult {
  const plan = planFor(model, account.segment);
  const signals = account.signals;
  let weighted = 0;
  let weightWithData = 0;
  let covered = 0;
  const dimensions = model.dimensions;
  for (let d = 0; d < dimensions.length; d++) {
    const dimension = dimensions[d]!;
    let sum = 0;
    let signalWeight = 0;
    for (const s of dimension.signals) {
      const value = signals[s.key];
      if (value === undefined || value === null) continue;
      sum += (s.weight * s.points(value)) / s.scale;
      signalWeight += s.weight;
    }
    if (signalWeight === 0) continue;
    const weight = plan.weights[d]!;
    weighted += (weight * sum) / signalWeight;
    weightWithData += weight;
    covered += (weight * signalWeight) / dimension.signalWeight;
  }
  if (weightWithData === 0) return { score: null, tier: UNKNOWN_TIER, coverage: 0 };

  let coverage = roundNear((covered * 100) / plan.totalWeight, model.exactTies.coverage);
  if (coverage === null) coverage = roundHalfUp(exactCoverage(model, plan, signals));

  const { penalty, cap } = modifierEffects(model, plan, account.modifiers);
  const adjusted = Math.min(cap, Math.max(0, (100 * weighted) / weightWithData - penalty));
  let score = roundNear(adjusted, model.exactTies.score);
  if (score === null) {
    score = roundHalfUp(exactAdjusted(exactRaw(model, plan, signals)!, penalty, cap));
  }
  return { score, tier: tierFor(plan, score).key, coverage };
}

/**
 * Round half up. A float this close to .5 is a tie when the model's arithmetic allows nothing
 * else there (`tiesAreExact`); otherwise null asks for the exact rational path.
 */
function roundNear(x: number, tiesAreExact: boolean): number | null {
  const floor = Math.floor(x);
  if (Math.abs(x - floor - 0.5) < HALF_TOLERANCE) return tiesAreExact ? floor + 1 : null;
  return x - floor > 0.5 ? floor + 1 : floor;
}

export function modifierEffects(
  model: CompiledModel,
  plan: Plan,
  values: AccountSignals['modifiers'],
): { penalty: number; cap: number } {
  let penalty = 0;
  let cap = 100;
  if (!values) return { penalty, cap };
  for (let i = 0; i < model.modifiers.length; i++) {
    const modifier = model.modifiers[i]!;
    const value = values[modifier.key];
    if (value === undefined || value === null || !modifier.applies(value)) continue;
    const effect = plan.effects[i]!;
    if (effect.kind === 'penalty') penalty += effect.amount;
    else cap = Math.min(cap, effect.amount);
  }
  return { penalty, cap };
}
