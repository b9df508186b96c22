import type { CompiledModel, Plan, SignalValue } from './compile-model.ts';
import type { DimensionDetail, Driver, SignalDetail } from './explain-score.ts';

type Values = Readonly<Record<string, SignalValue | null | undefined>>;

/** Each signal's points and contribution, each dimension's score, and what each signal costs. */
export function explainSignals(
  model: CompiledModel,
  plan: Plan,
  values: Values,
): { signals: SignalDetail[]; dimensions: Record<string, DimensionDetail>; losses: Driver[] } {
  const dimensions: Record<string, DimensionDetail> = {};
  const signals: SignalDetail[] = [];
  const losses: Driver[] = [];
  const weightWithData = dimensionsWithData(model, values).reduce(
    (sum, d) => sum + plan.weights[d]!,
    0,
  );

  model.dimensions.forEach((dimension, d) => {
    const present = dimension.signals.filter((s) => hasValue(values[s.key]));
    const presentWeight = present.reduce((sum, s) => sum + s.weight, 0);
    let mean = 0;
    for (const s of dimension.signals) {
      const value = values[s.key] ?? null;
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

  return { signals, dimensions, losses };
}

export function hasValue(value: SignalValue | null | undefined): value is SignalValue {
  return value !== undefined && value !== null;
}

function dimensionsWithData(model: CompiledModel, values: Values): number[] {
  return model.dimensions.flatMap((dimension, d) =>
    dimension.signals.some((s) => hasValue(values[s.key])) ? [d] : [],
  );
}
