import { Tag } from '@hubspot/ui-extensions';
import type { HomePageView } from '../home-page-contract.ts';
import { tierVariant } from '../format/tier-variant.ts';

export interface TierTagProps {
  tiers: HomePageView['tiers'];
  tier: string;
  score: number | null;
}

/** "At risk · 35": the tier in its colour, and the score when there is one. */
export function TierTag({ tiers, tier, score }: TierTagProps) {
  const known = tiers.find((t) => t.key === tier);
  const label = known?.label ?? tier;
  return (
    <Tag variant={known ? tierVariant(known.color) : 'default'}>
      {score === null ? label : `${label} · ${score}`}
    </Tag>
  );
}
