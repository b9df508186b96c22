import { bestValue } from './best-value.ts';
import { planFor } from './compile-model.ts';
import type { CompiledModel, Plan, SignalValue } from './compile-model.ts';
import { describeCondition, negateCondition } from './describe-condition.ts';
import { exactRaw } from './exact-score.ts';
import type { Segment } from './model-schema.ts';
import { modifierEffects, scoreAccount } from './score-account.ts';
import type { AccountSignals, ScoreResult } from './score-account.ts';

export interface SignalDetail {
  key: string;
  label: string;
  dimension: string;
  value: SignalValue | null;
  /** Points on the signal's own scale; null when the signal has no data. */
  points: number | null;
  maxPoints: number;
  /** Score points this signal adds to the raw score; all of them add up to `raw`. */
  contribution: number;
}

export interface DimensionDetail {
  label: string;
  /** Mean points, 0–10; null when none of its signals had data. */
  score: number | null;
  weight: number;
}

export interface ModifierDetail {
  key: string;
  label: string;
  value: number;
  effect: 'cap' | 'penalty';
  amount: number;
  /** Score points it took away (0 or less). */
  impact: number;
}

export interface Driver {
  key: string;
  label: string;
  kind: 'signal' | 'modifier';
  value: SignalValue;
  /** Score points lost to it (below 0). */
  impact: number;
}

export interface Lever {
  key: string;
  label: string;
  kind: 'signal' | 'modifier';
  value: SignalValue;
  /** What the value would have to become. */
  target: string;
  /** Whole score points gained if it did. */
  gain: number;
}

export interface Explanation extends ScoreResult {
  segment: Segment | null;
  /** The weighted score before modifiers and rounding. */
  raw: number | null;
  dimensions: Record<string, DimensionDetail>;
  signals: SignalDetail[];
  modifiers: ModifierDetail[];
  drivers: Driver[];
  levers: Lever[];
}

const TOP = 3;

export function explainAccount(model: CompiledModel, account: AccountSignals): Explanation {
  const result = scoreAccount(model, account);
  const plan = planFor(model, account.segment);
  const dimensions: Record<string, DimensionDetail> = {};
  const signals: SignalDetail[] = [];
  const losses: Driver[] = [];
  const weightWithData = dimensionsWithData(model, account).reduce(
    (sum, d) => sum + plan.weights[d]!,
    0,
  );

  model.dimensions.forEach((dimension, d) => {
    const present = dimension.signals.filter((s) => hasValue(account.signals[s.key]));
    const presentWeight = present.reduce((sum, s) => sum + s.weight, 0);
    let mean = 0;
    for (const s of dimension.signals) {
      const value = account.signals[s.key] ?? null;
      const points = value === null ? null : s.points(value);
      // Share of the raw score this signal's points are worth, 0 for a signal without data.
      const share =
        points === null
          ? 0
          : (100 * plan.weights[d]! * s.weight) / (weightWithData * presentWeight);
      if (points !== null) {
        mean += (s.weight * points) / s.scale / presentWeight;
        if (points < s.best) {
          losses.push({
            key: s.key,
            label: s.label,
            kind: 'signal',
            value: value!,
            impact: (-share * (s.best - points)) / s.scale,
          });
        }
      }
      signals.push({
        key: s.key,
        label: s.label,
        dimension: dimension.key,
        value,
        points,
        maxPoints: s.best,
        contribution: points === null ? 0 : (share * points) / s.scale,
      });
    }
    dimensions[dimension.key] = {
      label: dimension.label,
      score: presentWeight === 0 ? null : 10 * mean,
      weight: plan.weights[d]!,
    };
  });

  const exact = exactRaw(model, plan, account.signals);
  const raw = exact === null ? null : Number(exact.n) / Number(exact.d);
  const modifiers = raw === null ? [] : modifierDetails(model, plan, account, raw);
  losses.push(
    ...modifiers
      .filter((m) => m.impact < 0)
      .map((m) => ({
        key: m.key,
        label: m.label,
        kind: 'modifier' as const,
        value: m.value,
        impact: m.impact,
      })),
  );
  return {
    ...result,
    segment: account.segment ?? null,
    raw,
    dimensions,
    signals,
    modifiers,
    drivers: result.score === null ? [] : losses.sort((a, b) => a.impact - b.impact).slice(0, TOP),
    levers: result.score === null ? [] : levers(model, account, result.score),
  };
}

function hasValue(value: SignalValue | null | undefined): value is SignalValue {
  return value !== undefined && value !== null;
}

function dimensionsWithData(model: CompiledModel, account: AccountSignals): number[] {
  return model.dimensions.flatMap((dimension, d) =>
    dimension.signals.some((s) => hasValue(account.signals[s.key])) ? [d] : [],
  );
}

function modifierDetails(
  model: CompiledModel,
  plan: Plan,
  account: AccountSignals,
  raw: number,
): ModifierDetail[] {
  const { cap } = modifierEffects(model, plan, account.modifiers);
  let remaining = raw;
  let capApplied = false;
  const details: ModifierDetail[] = [];
  // Penalties first, then the lowest cap, in the order the final score applies them.
  const order = model.modifiers.map((m, i) => ({ m, i, effect: plan.effects[i]! }));
  order.sort((a, b) =>
    a.effect.kind === b.effect.kind ? 0 : a.effect.kind === 'penalty' ? -1 : 1,
  );
  for (const { m, effect } of order) {
    const value = account.modifiers?.[m.key];
    if (value === undefined || value === null || !m.applies(value)) continue;
    let impact = 0;
    if (effect.kind === 'penalty') {
      impact = -Math.min(effect.amount, remaining);
      remaining += impact;
    } else if (!capApplied && effect.amount === cap && remaining > cap) {
      impact = cap - remaining;
      remaining = cap;
      capApplied = true;
    }
    details.push({
      key: m.key,
      label: m.label,
      value,
      effect: effect.kind,
      amount: effect.amount,
      impact,
    });
  }
  return details;
}

function levers(model: CompiledModel, account: AccountSignals, score: number): Lever[] {
  const found: Lever[] = [];
  for (const s of model.signals) {
    const value = account.signals[s.key];
    if (!hasValue(value) || s.points(value) >= s.best) continue;
    const best = bestValue(s);
    if (!best) continue;
    const better = scoreAccount(model, {
      ...account,
      signals: { ...account.signals, [s.key]: best.value },
    });
    const gain = (better.score ?? score) - score;
    if (gain > 0)
      found.push({ key: s.key, label: s.label, kind: 'signal', value, target: best.target, gain });
  }
  for (const m of model.modifiers) {
    const value = account.modifiers?.[m.key];
    if (value === undefined || value === null || !m.applies(value)) continue;
    const without = scoreAccount(model, {
      ...account,
      modifiers: { ...account.modifiers, [m.key]: null },
    });
    const gain = (without.score ?? score) - score;
    if (gain > 0) {
      found.push({
        key: m.key,
        label: m.label,
        kind: 'modifier',
        value,
        target: describeCondition(negateCondition(m.def.when)),
        gain,
      });
    }
  }
  return found.sort((a, b) => b.gain - a.gain).slice(0, TOP);
}
