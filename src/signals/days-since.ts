import type { DaysSinceSource } from '../config/signal-source-schema.ts';
import { problemAt, type ReportProblem } from './extraction-problem.ts';
import { readProperty, type HubSpotRecord } from './hubspot-record.ts';
import { parseTimestamp } from './parse-timestamp.ts';

const DAY_MS = 86_400_000;

export const NOT_A_DATE =
  'Not a date: expected a HubSpot date or date-time such as 2025-03-01 or 2025-03-01T09:30:00Z.';

/** Whole days from the company's date property to `now`; 0 for a date in the future. */
export function daysSince(
  source: DaysSinceSource,
  company: HubSpotRecord,
  now: Date,
  report: ReportProblem,
): number | null {
  const raw = readProperty(company, source.property);
  if (raw === null) return null;
  const at = parseTimestamp(raw);
  if (at === null) {
    report(problemAt('company', company, source.property, raw, NOT_A_DATE));
    return null;
  }
  return Math.max(0, Math.floor((now.getTime() - at) / DAY_MS));
}
