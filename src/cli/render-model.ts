import { compileModel } from '../scoring/compile-model.ts';
import { describeCondition } from '../scoring/describe-condition.ts';
import type { DimensionDef, Model, SignalDef } from '../scoring/model-schema.ts';
import { describeTiers } from './describe-tiers.ts';

/** A model in full, for people: every dimension, signal, band, tier, modifier and segment. */
export function renderModel(model: Model): string[] {
  return [
    `${model.label} (${model.name}, version ${model.version})`,
    ...(model.description ? [model.description] : []),
    ...model.dimensions.flatMap(renderDimension),
    '',
    'Tiers',
    ...describeTiers(model.tiers).map(
      ({ tier, range }) => `  ${tier.label} (${tier.key}): ${range}`,
    ),
    ...renderModifiers(model),
    ...renderSegments(model),
  ];
}

function renderDimension(dimension: DimensionDef): string[] {
  return [
    '',
    `${dimension.label} (${dimension.key}): weight ${dimension.weight}`,
    ...dimension.signals.flatMap(renderSignal),
  ];
}

function renderSignal(signal: SignalDef): string[] {
  const extras = [
    signal.weight === 1 ? null : `weight ${signal.weight} in its dimension`,
    signal.scale === 10 ? null : `points out of ${signal.scale}`,
  ].filter((x) => x !== null);
  const head = `  ${signal.label} (${signal.key})${extras.length ? `, ${extras.join(', ')}` : ''}`;
  const about = signal.description ? [`    ${signal.description}`] : [];
  if (signal.type === 'enum') {
    return [head, ...about, ...Object.entries(signal.values).map(([v, p]) => `    ${v} → ${p}`)];
  }
  return [
    `${head}: ${describeNumber(signal)}`,
    ...about,
    ...signal.bands.map((band) => `    ${describeCondition(band)} → ${band.points}`),
    ...Object.entries(signal.words ?? {}).map(([word, p]) => `    "${word}" → ${p}`),
  ];
}

function describeNumber(range: {
  integer: boolean;
  min?: number | undefined;
  max?: number | undefined;
  unit?: string | undefined;
}): string {
  const kind = range.integer ? 'a whole number' : 'a number';
  const bounds =
    range.min !== undefined && range.max !== undefined
      ? ` from ${range.min} to ${range.max}`
      : range.min !== undefined
        ? ` of ${range.min} or more`
        : range.max !== undefined
          ? ` of ${range.max} or less`
          : '';
  return `${kind}${bounds}${range.unit ? `, in ${range.unit}` : ''}`;
}

function renderModifiers(model: Model): string[] {
  if (model.modifiers.length === 0) return [];
  const plan = compileModel(model).defaultPlan;
  const tierLabel = (key: string) => model.tiers.find((t) => t.key === key)?.label ?? key;
  return [
    '',
    'Modifiers',
    ...model.modifiers.flatMap((m, i) => {
      const amount = plan.effects[i]!.amount;
      const effect =
        'penalty' in m.effect
          ? `takes ${amount} points off the score`
          : 'capAtTopOf' in m.effect
            ? `holds the score at ${amount} or less, the top of ${tierLabel(m.effect.capAtTopOf)}`
            : `holds the score at ${amount} or less`;
      const line = `  ${m.label} (${m.key}), ${describeNumber(m)}: when ${describeCondition(m.when)}, ${effect}`;
      return m.description ? [line, `    ${m.description}`] : [line];
    }),
  ];
}

function renderSegments(model: Model): string[] {
  const entries = Object.entries(model.segments).filter(([, o]) => o !== undefined);
  if (entries.length === 0) return [];
  const dimensionLabel = (key: string) => model.dimensions.find((d) => d.key === key)?.label ?? key;
  const tierLabel = (key: string) => model.tiers.find((t) => t.key === key)?.label ?? key;
  return [
    '',
    'Segments with their own settings',
    ...entries.map(([segment, o]) => {
      const weights = Object.entries(o?.weights ?? {}).map(([k, w]) => `${dimensionLabel(k)} ${w}`);
      const tiers = Object.entries(o?.tiers ?? {}).map(([k, min]) => `${tierLabel(k)} from ${min}`);
      const parts = [
        weights.length ? `weights ${weights.join(', ')}` : null,
        tiers.length ? `tiers ${tiers.join(', ')}` : null,
      ].filter((x) => x !== null);
      return `  ${segment}: ${parts.join('; ')}`;
    }),
  ];
}
