import type { TIER_COLORS } from '../home-page-contract.ts';

type TierColor = (typeof TIER_COLORS)[number];
type TagVariant = 'default' | 'warning' | 'success' | 'error' | 'info';

// The UI kit's tags have three colours; the tier's label tells the neighbours apart.
const VARIANTS: Record<TierColor, TagVariant> = {
  green: 'success',
  lime: 'success',
  yellow: 'warning',
  orange: 'warning',
  red: 'error',
  gray: 'default',
};

/** The Tag variant for a tier colour. */
export function tierVariant(color: TierColor): TagVariant {
  return VARIANTS[color];
}
