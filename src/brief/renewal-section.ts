import { FORECAST_LABELS, type Forecast } from '../reports/renewal-forecast.ts';
import type { BriefInput } from './brief-input.ts';
import type { BriefSection } from './brief-types.ts';
import { capitalize, daysAway } from './brief-words.ts';
import { mrrLines } from './mrr-readings.ts';

/** The renewals report's forecast in its own label ("at-risk" → "At risk"). */
export function forecastLabel(forecast: string): string {
  return (FORECAST_LABELS as Record<string, string>)[forecast as Forecast] ?? capitalize(forecast);
}

/** When the renewal is, how it is forecast and why, and what the account pays. */
export function renewalSection(input: BriefInput): BriefSection {
  const lines: string[] = [];
  const missing: string[] = [];
  const { renewal, account } = input;
  if (renewal) {
    lines.push(`Renewal on ${renewal.date}, ${daysAway(renewal.daysToGo)}.`);
    lines.push(`Forecast: ${forecastLabel(renewal.forecast)} (${renewal.reason}).`);
  } else if (account.renewalDate) {
    missing.push(
      `The renewal date in HubSpot ("${account.renewalDate}") gives no forecast: check that it is a real date.`,
    );
  } else {
    missing.push(
      "No renewal date in HubSpot: set the company's renewal date property to get a forecast.",
    );
  }
  const mrr = mrrLines(input);
  return {
    key: 'renewal',
    heading: 'Renewal and forecast',
    lines: [...lines, ...mrr.lines],
    missing: [...missing, ...mrr.missing],
  };
}
