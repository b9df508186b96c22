import { atRiskTier, bestTier, worstTier } from '../plays/tier-positions.ts';
import { UNKNOWN_TIER } from '../scoring/score-account.ts';
import type { TierInfo } from './report-input.ts';

export const NO_DATA_TIER: TierInfo = { key: UNKNOWN_TIER, label: 'No data', color: 'gray' };

/** The model's tiers, best first, then "No data": every report lists all of them, even empty. */
export function reportTiers(tiers: readonly TierInfo[]): TierInfo[] {
  return [...tiers.filter((t) => t.key !== UNKNOWN_TIER), NO_DATA_TIER];
}

/** Where a tier sits, read by position as the plays read it (models name tiers as they like). */
export interface TierPositions {
  best: string | null;
  worst: string | null;
  atRisk: string | null;
}

export function tierPositions(tiers: readonly TierInfo[]): TierPositions {
  const keys = tiers.map((t) => t.key).filter((k) => k !== UNKNOWN_TIER);
  return { best: bestTier(keys), worst: worstTier(keys), atRisk: atRiskTier(keys) };
}
