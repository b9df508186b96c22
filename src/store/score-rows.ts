import type { ScoreRecord } from './store.ts';

// Score history rows as both stores read them.

export interface ScoreRow {
  portal: string;
  company_id: string;
  scored_at: string;
  score: number | null;
  tier: string;
  coverage: number;
  dimensions: string;
  model_name: string;
  model_version: string;
  top_drivers: string;
}

export function scoreRecord(row: ScoreRow): ScoreRecord {
  return {
    portal: row.portal,
    companyId: row.company_id,
    scoredAt: row.scored_at,
    score: row.score,
    tier: row.tier,
    coverage: row.coverage,
    dimensions: JSON.parse(row.dimensions) as ScoreRecord['dimensions'],
    model: { name: row.model_name, version: row.model_version },
    topDrivers: row.top_drivers,
  };
}

/** Rows of one reading per company, keyed by company id. */
export function byCompany(rows: readonly ScoreRow[]): Map<string, ScoreRecord> {
  return new Map(rows.map((row) => [row.company_id, scoreRecord(row)]));
}
