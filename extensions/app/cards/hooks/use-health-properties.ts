import { useCrmProperties } from '@hubspot/ui-extensions/crm';

/** The company properties each Vitals run writes, read straight from the record. */
export const HEALTH_PROPERTIES = [
  'health_score',
  'health_tier',
  'health_score_change_7d',
  'health_coverage',
  'health_top_drivers',
  'health_recommended_plays',
  'health_changed_at',
];

/** What the record's health properties say, before (or without) the service's details. */
export interface HealthProperties {
  score: number | null;
  /** The tier's key, e.g. "at_risk"; "unknown" for a company with no data. */
  tier: string | null;
  change7d: number | null;
  coverage: number | null;
  topDrivers: string | null;
  /** Play titles, most urgent first. */
  plays: string[];
  changedAt: string | null;
}

/** The health properties, or null while they load or when no run has written them. */
export function useHealthProperties(): HealthProperties | null {
  const { properties, isLoading, error } = useCrmProperties(HEALTH_PROPERTIES);
  if (isLoading || error) return null;
  const values = readHealthProperties(properties);
  return values.tier === null && values.score === null ? null : values;
}

export function readHealthProperties(raw: Record<string, string | null>): HealthProperties {
  return {
    score: numberOf(raw['health_score']),
    tier: textOf(raw['health_tier']),
    change7d: numberOf(raw['health_score_change_7d']),
    coverage: numberOf(raw['health_coverage']),
    topDrivers: textOf(raw['health_top_drivers']),
    plays: (textOf(raw['health_recommended_plays']) ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    changedAt: textOf(raw['health_changed_at']),
  };
}

// HubSpot hands numbers back as strings ("74", sometimes "74.0"), and "" when empty.
function numberOf(value: string | null | undefined): number | null {
  const text = textOf(value);
  if (text === null) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

function textOf(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}
