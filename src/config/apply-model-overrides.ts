import type { Model, ModelInput } from '../scoring/model-schema.ts';
import { closestMatch } from '../validation/closest-match.ts';
import type { IssueReport } from '../validation/describe-issues.ts';
import type { ModelOverrides } from './model-section-schema.ts';

/**
 * The model with the overrides merged in, not yet validated as a whole; issues name overrides
 * that refer to no dimension or tier of the model.
 */
export function applyModelOverrides(
  model: Model,
  overrides: ModelOverrides,
): { data: ModelInput; issues: IssueReport[] } {
  const data = structuredClone(model) as ModelInput;
  const issues: IssueReport[] = [];
  const dimensionKeys = model.dimensions.map((d) => d.key);
  const tierKeys = model.tiers.map((t) => t.key);
  const unknown = (path: string, kind: string, key: string, known: string[]) => {
    const guess = closestMatch(key, known);
    const hint = guess ? `Did you mean "${guess}"?` : `Use ${known.join(', ')}.`;
    issues.push({ path, message: `${model.name} has no ${kind} "${key}". ${hint}` });
  };

  for (const [key, weight] of Object.entries(overrides.weights ?? {})) {
    const dimension = data.dimensions.find((d) => d.key === key);
    if (dimension) dimension.weight = weight;
    else unknown(`model.overrides.weights.${key}`, 'dimension', key, dimensionKeys);
  }
  for (const [key, min] of Object.entries(overrides.tiers ?? {})) {
    const tier = data.tiers.find((t) => t.key === key);
    if (tier) tier.min = min;
    else unknown(`model.overrides.tiers.${key}`, 'tier', key, tierKeys);
  }
  const segments = { ...data.segments };
  for (const [segment, override] of Object.entries(overrides.segments ?? {})) {
    const current = segments[segment as keyof typeof segments];
    segments[segment as keyof typeof segments] = {
      weights: { ...current?.weights, ...override?.weights },
      tiers: { ...current?.tiers, ...override?.tiers },
    };
  }
  data.segments = segments;
  return { data, issues };
}
