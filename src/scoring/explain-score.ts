import { planFor } from './compile-model.ts';
import type { CompiledModel, SignalValue } from './compile-model.ts';
import { exactRaw } from './exact-score.ts';
import { explainModifiers } from './explain-modifiers.ts';
import { explainSignals } from './explain-signals.ts';
import { findLevers } from './find-levers.ts';
import type { Segment } from './model-schema.ts';
import { scoreAccount } from './score-account.ts';
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
  const { signals, dimensions, losses } = explainSignals(model, plan, account.signals);
  const exact = exactRaw(model, plan, account.signals);
  const raw = exact === null ? null : Number(exact.n) / Number(exact.d);
  const modifiers = raw === null ? [] : explainModifiers(model, plan, account, raw);
  return {
    ...result,
    segment: account.segment ?? null,
    raw,
    dimensions,
    signals,
    modifiers,
    drivers: result.score === null ? [] : rankDrivers(losses, modifiers).slice(0, TOP),
    levers: result.score === null ? [] : findLevers(model, account, result.score).slice(0, TOP),
  };
}

/**
 * Worst first; but a cap that holds the score down goes first whatever its size, because while
 * it binds no signal can move the score (the levers say the same).
 */
function rankDrivers(losses: Driver[], modifiers: ModifierDetail[]): Driver[] {
  const fromModifiers = modifiers
    .filter((m) => m.impact < 0)
    .map((m) => ({
      key: m.key,
      label: m.label,
      kind: 'modifier' as const,
      value: m.value,
      impact: m.impact,
    }));
  const binding = modifiers.find((m) => m.effect === 'cap' && m.impact < 0);
  return [...losses, ...fromModifiers].sort((a, b) => {
    if (binding && (a.key === binding.key) !== (b.key === binding.key))
      return a.key === binding.key ? -1 : 1;
    return a.impact - b.impact;
  });
}
