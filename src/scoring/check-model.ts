import type { z } from 'zod';
import { formatPath } from '../validation/describe-issues.ts';
import type {
  Band,
  DimensionDef,
  ModifierDef,
  SegmentOverride,
  SignalDef,
  TierDef,
} from './model-schema.ts';

interface ModelShape {
  dimensions: DimensionDef[];
  tiers: TierDef[];
  modifiers: ModifierDef[];
  segments: Partial<Record<string, SegmentOverride>>;
}

type Issue = (path: (string | number)[], message: string) => void;

const COMPARATORS = ['atLeast', 'above', 'atMost', 'below'] as const;

export function comparatorsOf(condition: Partial<Record<(typeof COMPARATORS)[number], number>>) {
  return COMPARATORS.filter((c) => condition[c] !== undefined);
}

/** The checks a model needs beyond the shape of each field. */
export function checkModel(model: ModelShape, ctx: z.RefinementCtx): void {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  checkKeys(model, issue);
  model.dimensions.forEach((d, i) =>
    d.signals.forEach((s, j) => checkSignal(s, ['dimensions', i, 'signals', j], issue)),
  );
  checkWeights(
    model.dimensions.map((d) => d.weight),
    ['dimensions'],
    issue,
  );
  checkTiers(
    model.tiers.map((t) => t.min),
    ['tiers'],
    issue,
  );
  model.modifiers.forEach((m, i) => checkModifier(m, model.tiers, ['modifiers', i], issue));
  for (const [segment, override] of Object.entries(model.segments)) {
    if (override) checkSegment(model, override, ['segments', segment], issue);
  }
}

function checkKeys(model: ModelShape, issue: Issue): void {
  const seen = new Map<string, string>();
  const claim = (key: string, path: (string | number)[]) => {
    const where = formatPath(path);
    const first = seen.get(key);
    if (first) issue(path, `The key "${key}" is already used at ${first}; keys must be unique.`);
    else seen.set(key, where);
  };
  model.dimensions.forEach((d, i) => {
    claim(d.key, ['dimensions', i, 'key']);
    d.signals.forEach((s, j) => claim(s.key, ['dimensions', i, 'signals', j, 'key']));
  });
  model.modifiers.forEach((m, i) => claim(m.key, ['modifiers', i, 'key']));
  const tierKeys = new Set<string>();
  model.tiers.forEach((t, i) => {
    if (t.key === 'unknown')
      issue(['tiers', i, 'key'], '"unknown" is kept for accounts with no data.');
    if (tierKeys.has(t.key)) issue(['tiers', i, 'key'], `The tier "${t.key}" is listed twice.`);
    tierKeys.add(t.key);
  });
}

function checkSignal(signal: SignalDef, path: (string | number)[], issue: Issue): void {
  if (signal.type === 'enum') {
    if (Object.keys(signal.values).length === 0)
      issue([...path, 'values'], 'List at least one value.');
    for (const [value, p] of Object.entries(signal.values)) {
      if (p > signal.scale) issue([...path, 'values', value], tooMany(p, signal.scale));
    }
    return;
  }
  signal.bands.forEach((band, i) =>
    checkBand(band, i === signal.bands.length - 1, signal.scale, [...path, 'bands', i], issue),
  );
  for (const [word, p] of Object.entries(signal.words ?? {})) {
    if (p > signal.scale) issue([...path, 'words', word], tooMany(p, signal.scale));
  }
  if (signal.min !== undefined && signal.max !== undefined && signal.min > signal.max) {
    issue([...path, 'max'], `max (${signal.max}) is below min (${signal.min}).`);
  }
}

function checkBand(
  band: Band,
  isLast: boolean,
  scale: number,
  path: (string | number)[],
  issue: Issue,
) {
  const comparators = comparatorsOf(band);
  if (comparators.length > 1) {
    issue(
      path,
      `A band compares once; this one uses ${comparators.join(' and ')}. Split it in two bands.`,
    );
  }
  if (isLast && comparators.length > 0) {
    issue(
      path,
      'The last band must have no comparison so that every value gets points (e.g. { "points": 1 }).',
    );
  }
  if (!isLast && comparators.length === 0) {
    issue(path, 'Only the last band may have no comparison: the bands after it could never match.');
  }
  if (band.points > scale) issue([...path, 'points'], tooMany(band.points, scale));
}

function tooMany(points: number, scale: number): string {
  return `${points} points is more than the signal's scale of ${scale}; raise "scale" or lower the points.`;
}

function checkWeights(weights: number[], path: (string | number)[], issue: Issue): void {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum !== 100) issue(path, `Dimension weights add up to ${sum}; they must add up to 100.`);
}

function checkTiers(mins: number[], path: (string | number)[], issue: Issue): void {
  if (!mins.includes(0)) issue(path, 'One tier must start at 0 so that every score has a tier.');
  if (new Set(mins).size !== mins.length)
    issue(path, 'Two tiers start at the same score; give each its own minimum.');
}

function checkModifier(
  modifier: ModifierDef,
  tiers: TierDef[],
  path: (string | number)[],
  issue: Issue,
): void {
  if (comparatorsOf(modifier.when).length !== 1) {
    issue([...path, 'when'], 'Give exactly one comparison (atLeast, above, atMost or below).');
  }
  const effect = modifier.effect;
  if ('capAtTopOf' in effect) {
    const tier = tiers.find((t) => t.key === effect.capAtTopOf);
    if (!tier)
      issue(
        [...path, 'effect', 'capAtTopOf'],
        `No tier is called "${effect.capAtTopOf}"; use one of ${tiers.map((t) => t.key).join(', ')}.`,
      );
    else if (tier.min === Math.max(...tiers.map((t) => t.min))) {
      issue(
        [...path, 'effect', 'capAtTopOf'],
        `"${tier.key}" is the top tier, so capping at its top changes nothing.`,
      );
    }
  }
}

function checkSegment(
  model: ModelShape,
  override: SegmentOverride,
  path: (string | number)[],
  issue: Issue,
): void {
  const dimensionKeys = model.dimensions.map((d) => d.key);
  for (const key of Object.keys(override.weights ?? {})) {
    if (!dimensionKeys.includes(key))
      issue(
        [...path, 'weights', key],
        `No dimension is called "${key}"; use one of ${dimensionKeys.join(', ')}.`,
      );
  }
  const tierKeys = model.tiers.map((t) => t.key);
  for (const key of Object.keys(override.tiers ?? {})) {
    if (!tierKeys.includes(key))
      issue(
        [...path, 'tiers', key],
        `No tier is called "${key}"; use one of ${tierKeys.join(', ')}.`,
      );
  }
  if (override.weights) {
    checkWeights(
      model.dimensions.map((d) => override.weights?.[d.key] ?? d.weight),
      [...path, 'weights'],
      issue,
    );
  }
  if (override.tiers) {
    checkTiers(
      model.tiers.map((t) => override.tiers?.[t.key] ?? t.min),
      [...path, 'tiers'],
      issue,
    );
  }
}
