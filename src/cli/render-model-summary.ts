import type { Model } from '../scoring/model-schema.ts';
import { describeTiers } from './describe-tiers.ts';

/** A model in a few lines: name, label, description, dimension weights, tier ranges. */
export function renderModelSummary(model: Model, isDefault: boolean): string[] {
  const dimensions = model.dimensions.map((d) => `${d.label} ${d.weight}`);
  const tiers = describeTiers(model.tiers).map(({ tier, range }) => `${tier.label} ${range}`);
  return [
    `${model.name}${isDefault ? ' (default)' : ''}: ${model.label}`,
    ...(model.description ? [`  ${model.description}`] : []),
    `  Dimensions: ${dimensions.join(' · ')}`,
    `  Tiers: ${tiers.join(' · ')}`,
  ];
}
