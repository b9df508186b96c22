// Rules speak of healthy, at risk and critical; models name their tiers as they like (thriving,
// green…). Tiers come best first, so the rules read them by position: healthy is the best tier,
// critical the worst and at risk the one above it.

export function bestTier(tiers: readonly string[]): string | null {
  return tiers[0] ?? null;
}

export function worstTier(tiers: readonly string[]): string | null {
  return tiers.length >= 2 ? tiers[tiers.length - 1]! : null;
}

export function atRiskTier(tiers: readonly string[]): string | null {
  return tiers.length >= 3 ? tiers[tiers.length - 2]! : null;
}

/** "at_risk" → "at risk". */
export function tierLabel(tier: string): string {
  return tier.replaceAll('_', ' ');
}
