import { comparatorsOf } from './check-model.ts';
import type { Condition, Model, ModifierDef, Segment, SignalDef, TierDef } from './model-schema.ts';
import { tieBounds } from './tie-bounds.ts';

export type SignalValue = number | string;

export interface CompiledSignal {
  key: string;
  label: string;
  def: SignalDef;
  dimensionIndex: number;
  weight: number;
  scale: number;
  /** The most points any value can earn. */
  best: number;
  /** Points on this signal's own scale; the value must already be valid for the signal. */
  points: (value: SignalValue) => number;
}

export interface CompiledDimension {
  key: string;
  label: string;
  signals: CompiledSignal[];
  signalWeight: number;
}

export interface CompiledModifier {
  key: string;
  label: string;
  def: ModifierDef;
  applies: (value: number) => boolean;
}

/** Weights and thresholds in force for one segment. */
export interface Plan {
  segment: Segment | null;
  weights: number[];
  totalWeight: number;
  /** Highest minimum first. */
  tiers: TierDef[];
  /** Per modifier: the score it caps at, or the points it takes away. */
  effects: { kind: 'cap' | 'penalty'; amount: number }[];
}

export interface CompiledModel {
  model: Model;
  dimensions: CompiledDimension[];
  signals: CompiledSignal[];
  signalsByKey: Map<string, CompiledSignal>;
  modifiers: CompiledModifier[];
  defaultPlan: Plan;
  plans: Partial<Record<Segment, Plan>>;
  /** Whether a float score or coverage this close to .5 is known to be exactly .5. */
  exactTies: { score: boolean; coverage: boolean };
}

/** Float error on the score's sums stays far below this. */
export const HALF_TOLERANCE = 1e-9;

export function compileModel(model: Model): CompiledModel {
  const dimensions = model.dimensions.map((d, index) => {
    const signals = d.signals.map((s) => compileSignal(s, index));
    const signalWeight = signals.reduce((sum, s) => sum + s.weight, 0);
    return { key: d.key, label: d.label, signals, signalWeight };
  });
  const signals = dimensions.flatMap((d) => d.signals);
  const modifiers = model.modifiers.map((m) => ({
    key: m.key,
    label: m.label,
    def: m,
    applies: conditionTest(m.when),
  }));
  const plans: Partial<Record<Segment, Plan>> = {};
  for (const [segment, override] of Object.entries(model.segments)) {
    if (!override) continue;
    plans[segment as Segment] = buildPlan(
      model,
      segment as Segment,
      override.weights,
      override.tiers,
    );
  }
  return {
    model,
    dimensions,
    signals,
    signalsByKey: new Map(signals.map((s) => [s.key, s])),
    modifiers,
    defaultPlan: buildPlan(model, null, undefined, undefined),
    plans,
    // Every plan's weights add up to 100 (checkModel), so one bound serves all segments.
    exactTies: tieBounds(model.dimensions, 100, HALF_TOLERANCE),
  };
}

export function planFor(compiled: CompiledModel, segment: Segment | null | undefined): Plan {
  return (segment && compiled.plans[segment]) || compiled.defaultPlan;
}

export function tierFor(plan: Plan, score: number): TierDef {
  for (const tier of plan.tiers) if (score >= tier.min) return tier;
  // checkModel guarantees a tier starting at 0, so a score of 0 or more always lands above.
  throw new RangeError(`No tier holds the score ${score}.`);
}

function buildPlan(
  model: Model,
  segment: Segment | null,
  weights: Record<string, number> | undefined,
  tierMins: Record<string, number> | undefined,
): Plan {
  const planWeights = model.dimensions.map((d) => weights?.[d.key] ?? d.weight);
  const tiers = model.tiers
    .map((t) => ({ ...t, min: tierMins?.[t.key] ?? t.min }))
    .sort((a, b) => b.min - a.min);
  const effects = model.modifiers.map((m) => {
    const effect = m.effect;
    if ('penalty' in effect) return { kind: 'penalty' as const, amount: effect.penalty };
    if ('cap' in effect) return { kind: 'cap' as const, amount: effect.cap };
    return { kind: 'cap' as const, amount: topOfTier(tiers, effect.capAtTopOf) };
  });
  return {
    segment,
    weights: planWeights,
    totalWeight: planWeights.reduce((a, b) => a + b, 0),
    tiers,
    effects,
  };
}

function topOfTier(tiersHighFirst: TierDef[], key: string): number {
  const index = tiersHighFirst.findIndex((t) => t.key === key);
  const above = tiersHighFirst[index - 1];
  return above ? above.min - 1 : 100;
}

function compileSignal(def: SignalDef, dimensionIndex: number): CompiledSignal {
  const base = {
    key: def.key,
    label: def.label,
    def,
    dimensionIndex,
    weight: def.weight,
    scale: def.scale,
  };
  if (def.type === 'enum') {
    const table = pointsTable(def.values);
    return {
      ...base,
      best: Math.max(...Object.values(def.values)),
      points: (value) => lookup(table, def.key, value),
    };
  }
  const words = pointsTable(def.words ?? {});
  const tests = def.bands.map((band) => conditionTest(band));
  const bandPoints = def.bands.map((band) => band.points);
  return {
    ...base,
    best: Math.max(...bandPoints, ...Object.values(def.words ?? {})),
    points: (value) => {
      if (typeof value === 'string') return lookup(words, def.key, value);
      for (let i = 0; i < tests.length; i++) if (tests[i]!(value)) return bandPoints[i]!;
      return bandPoints[bandPoints.length - 1]!;
    },
  };
}

/** A prototype-free object: faster to index by string than a Map, and no inherited keys. */
function pointsTable(values: Record<string, number>): Record<string, number | undefined> {
  return Object.assign(Object.create(null) as Record<string, number>, values);
}

function lookup(
  table: Record<string, number | undefined>,
  key: string,
  value: SignalValue,
): number {
  const points = table[value];
  if (points === undefined) throw new TypeError(`"${String(value)}" is not a value of ${key}.`);
  return points;
}

export function conditionTest(condition: Condition): (value: number) => boolean {
  const [comparator] = comparatorsOf(condition);
  if (comparator === undefined) return () => true;
  const limit = condition[comparator]!;
  switch (comparator) {
    case 'atLeast':
      return (v) => v >= limit;
    case 'above':
      return (v) => v > limit;
    case 'atMost':
      return (v) => v <= limit;
    case 'below':
      return (v) => v < limit;
  }
}
