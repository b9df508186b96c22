import type { Explanation } from '../scoring/explain-score.ts';
import type { WRITTEN_PROPERTIES } from './health-properties.ts';

export type HealthValues = Record<(typeof WRITTEN_PROPERTIES)[number], string>;

export interface HealthValuesInput {
  explanation: Explanation;
  /** e.g. "retention-os v1". */
  model: string;
  /** The score stored for this company 7 days ago or earlier; null when history is that short. */
  scoreWeekAgo: number | null;
  /** The company's health properties as HubSpot holds them now. */
  current: Readonly<Record<string, string | null | undefined>>;
  now: Date;
}

/** The health properties a company should have, and which of them differ from HubSpot's. */
export function healthValues(input: HealthValuesInput): {
  values: HealthValues;
  changed: Partial<HealthValues>;
} {
  const { explanation: e, current } = input;
  const score = e.score === null ? '' : String(e.score);
  const moved = !sameNumber(score, current.health_score) || e.tier !== (current.health_tier ?? '');
  const values: HealthValues = {
    health_score: score,
    health_tier: e.tier,
    health_score_change_7d:
      e.score === null || input.scoreWeekAgo === null ? '' : String(e.score - input.scoreWeekAgo),
    health_coverage: String(e.coverage),
    health_top_drivers: describeDrivers(e),
    health_model: input.model,
    health_changed_at:
      moved || !current.health_changed_at ? input.now.toISOString() : current.health_changed_at,
  };
  const changed: Partial<HealthValues> = {};
  for (const [name, value] of Object.entries(values) as [keyof HealthValues, string][]) {
    if (!sameValue(name, value, current[name])) changed[name] = value;
  }
  return { values, changed };
}

/** One line a CSM can read in a list view: "Champion: left (−15) · Reply time: none (−11)". */
export function describeDrivers(e: Explanation): string {
  if (e.score === null) return 'No data to score yet.';
  if (e.drivers.length === 0) return 'Nothing is costing points.';
  return e.drivers
    .map((d) => `${d.label}: ${String(d.value)} (−${Math.round(-d.impact)})`)
    .join(' · ');
}

const NUMBERS = new Set(['health_score', 'health_score_change_7d', 'health_coverage']);

function sameValue(name: string, next: string, now: string | null | undefined): boolean {
  if (NUMBERS.has(name)) return sameNumber(next, now);
  if (name === 'health_changed_at') return sameInstant(next, now);
  return next === (now ?? '');
}

// HubSpot hands numbers back as strings, sometimes as "74.0"; compare the values, not the text.
function sameNumber(a: string, b: string | null | undefined): boolean {
  const blankA = a === '';
  const blankB = b === null || b === undefined || b === '';
  if (blankA || blankB) return blankA && blankB;
  return Number(a) === Number(b);
}

function sameInstant(a: string, b: string | null | undefined): boolean {
  if (!b) return a === '';
  return Date.parse(a) === Date.parse(b) || a === b;
}
