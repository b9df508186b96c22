import type { TierDef } from '../scoring/model-schema.ts';

/** Tiers from the highest down, each with its score range: "Healthy 75–100". */
export function describeTiers(tiers: readonly TierDef[]): { tier: TierDef; range: string }[] {
  const sorted = [...tiers].sort((a, b) => b.min - a.min);
  return sorted.map((tier, i) => {
    const above = sorted[i - 1];
    return { tier, range: `${tier.min}–${above ? above.min - 1 : 100}` };
  });
}
