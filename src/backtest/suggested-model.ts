import type { Model } from '../scoring/model-schema.ts';
import type { WeightSuggestion } from './fit-weights.ts';

/**
 * The current model with the fitted weights, as a new model file to look at and try. A model
 * needs every dimension to weigh at least 1, so a dimension the fit gave 0 keeps 1, taken from
 * the heaviest: it stays visible, and watching it costs next to nothing. Segment weight overrides
 * are left out (the fit is of the base weights); segment tiers stay.
 */
export function suggestedModel(current: Model, fit: WeightSuggestion, fittedOn: string): Model {
  const weights = { ...fit.suggested! };
  for (const key of Object.keys(weights)) {
    if (weights[key]! > 0) continue;
    const heaviest = Object.keys(weights).reduce((a, b) => (weights[a]! >= weights[b]! ? a : b));
    weights[heaviest]! -= 1;
    weights[key] = 1;
  }
  return {
    ...current,
    name: `${current.name}-suggested`,
    label: `${current.label} (suggested weights)`,
    version: `${current.version}-suggested`,
    description: `${current.label} with its dimension weights fitted to ${fittedOn}. A candidate: try it with vitals backtest --model FILE before using it.`,
    dimensions: current.dimensions.map((d) => ({ ...d, weight: weights[d.key] ?? d.weight })),
    // The fit is of the base weights: a segment's own weights would override it, so they go.
    segments: Object.fromEntries(
      Object.entries(current.segments).flatMap(([segment, { weights: _weights, ...rest }]) =>
        Object.keys(rest).length === 0 ? [] : [[segment, rest]],
      ),
    ),
  };
}
