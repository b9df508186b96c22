import type { TierInfo } from './report-input.ts';
import { tierPositions } from './report-tiers.ts';

export const FORECASTS = ['committed', 'likely', 'at-risk', 'lost'] as const;
export type Forecast = (typeof FORECASTS)[number];

export const FORECAST_LABELS: Record<Forecast, string> = {
  committed: 'Committed',
  likely: 'Likely',
  'at-risk': 'At risk',
  lost: 'Lost',
};

/** The renewal timeline's red-alert step (src/plays/renewal-rules.ts): a week out, unsigned. */
export const RED_ALERT_DAYS = 7;

export interface RenewalCase {
  tier: string;
  churned: boolean;
  daysToGo: number;
}

/**
 * The forecast of one renewal from the account's tier and how far the renewal timeline has got:
 * the best tier is committed, the middle tiers likely, the two worst at risk; once the red-alert
 * step is reached (a week or less to go and the date not moved, so not signed), each drops one
 * grade and the worst tier counts as lost. A churned account is lost; no data is at risk.
 */
export function forecastRenewal(
  c: RenewalCase,
  tiers: readonly TierInfo[],
): { forecast: Forecast; reason: string } {
  const label = tiers.find((t) => t.key === c.tier)?.label;
  if (c.churned) return { forecast: 'lost', reason: 'the account churned' };
  if (label === undefined) return { forecast: 'at-risk', reason: 'no health data to judge by' };
  const late = c.daysToGo <= RED_ALERT_DAYS;
  const when = late ? 'a week or less to go, not signed' : `${c.daysToGo} days to go`;
  const reason = `${label}, ${when}`;
  const { best, atRisk, worst } = tierPositions(tiers);
  if (c.tier === worst) return { forecast: late ? 'lost' : 'at-risk', reason };
  if (c.tier === atRisk) return { forecast: 'at-risk', reason };
  if (c.tier === best) return { forecast: late ? 'likely' : 'committed', reason };
  return { forecast: late ? 'at-risk' : 'likely', reason };
}

/** The rule above in the model's own tier names, one line per forecast, for the report. */
export function forecastRule(tiers: readonly TierInfo[]): string[] {
  const { best, atRisk, worst } = tierPositions(tiers);
  const name = (key: string | null) => tiers.find((t) => t.key === key)?.label ?? '';
  const middle = tiers
    .filter((t) => t.key !== best && t.key !== atRisk && t.key !== worst)
    .map((t) => t.label)
    .join(' or ');
  const early = `more than ${RED_ALERT_DAYS} days to go`;
  const late = `${RED_ALERT_DAYS} days or less to go`;
  const parts = (...p: (string | false)[]) => p.filter((x) => x !== false).join('; ');
  return [
    `Committed: ${name(best)} with ${early}.`,
    `Likely: ${parts(middle !== '' && `${middle} with ${early}`, `${name(best)} with ${late}`)}.`,
    `At risk: ${parts(
      atRisk !== null && name(atRisk),
      worst !== null && `${name(worst)} with ${early}`,
      middle !== '' && `${middle} with ${late}`,
      'no health data',
    )}.`,
    `Lost: ${parts('the account churned', worst !== null && `${name(worst)} with ${late}`)}.`,
    `${late} is the red-alert step of the renewal timeline: a signed renewal moves to the next ` +
      'term, so a date that close is not signed yet.',
  ];
}
