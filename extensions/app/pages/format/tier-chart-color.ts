import type { ChartColor } from '@hubspot/ui-extensions';
import type { TIER_COLORS } from '../home-page-contract.ts';

type TierColor = (typeof TIER_COLORS)[number];

// The charts have no red, lime or gray: the nearest of theirs, so the bars read as the tiers do.
const CHART_COLORS: Record<TierColor, ChartColor> = {
  green: 'green',
  lime: 'darkGreen',
  yellow: 'yellow',
  orange: 'orange',
  red: 'darkOrange',
  gray: 'darkBlue',
};

/** The chart colour for a tier colour. */
export function tierChartColor(color: TierColor): ChartColor {
  return CHART_COLORS[color];
}
