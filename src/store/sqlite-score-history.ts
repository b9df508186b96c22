import type Database from 'better-sqlite3';
import { isoInstant } from './iso-instant.ts';
import type { sqliteScoreSeries } from './sqlite-score-series.ts';
import { byCompany, scoreRecord, type ScoreRow } from './score-rows.ts';
import type { ScoreRecord } from './store.ts';
import { StoreError } from './store-error.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

// The ids of a page travel as one JSON array, so a page costs one statement, whatever its size.
// CROSS JOIN keeps those ids as the outer loop, and the subquery walks the (portal, company_id,
// scored_at) index backwards: one seek per company, however long its history.
const newestPerCompany = (bound: string) => `
  SELECT h.* FROM json_each(@ids) AS ids
  CROSS JOIN score_history AS h ON h.id = (
    SELECT id FROM score_history
    WHERE portal = @portal AND company_id = ids.value ${bound}
    ORDER BY scored_at DESC, id DESC LIMIT 1
  )`;

/** Score history on SQLite: synchronous, so `commitPage` can compose it inside a transaction. */
export function sqliteScoreHistory(
  db: Database.Database,
  now: () => Date,
  series: ReturnType<typeof sqliteScoreSeries>,
) {
  const insert = db.prepare(`INSERT INTO score_history
    (portal, company_id, scored_at, score, tier, coverage, dimensions, model_name, model_version,
     top_drivers)
    VALUES (@portal, @companyId, @scoredAt, @score, @tier, @coverage, @dimensions, @modelName,
     @modelVersion, @topDrivers)`);
  const latest = db.prepare<{ portal: string; ids: string }, ScoreRow>(newestPerCompany(''));
  const atOrBefore = db.prepare<{ portal: string; ids: string; at: string }, ScoreRow>(
    newestPerCompany('AND scored_at <= @at'),
  );
  const since = db.prepare<{ portal: string; companyId: string; since: string }, ScoreRow>(`
    SELECT * FROM score_history
    WHERE portal = @portal AND company_id = @companyId AND scored_at >= @since
    ORDER BY scored_at, id`);

  return {
    append: db.transaction((rows: readonly ScoreRecord[]) => {
      for (const row of rows) insert.run(toParams(row));
      series.add(rows);
    }),
    latest(portal: string, companyIds: readonly string[]): Map<string, ScoreRecord> {
      return byCompany(latest.all({ portal, ids: JSON.stringify(companyIds) }));
    },
    atOrBefore(portal: string, companyIds: readonly string[], at: string) {
      const params = { portal, ids: JSON.stringify(companyIds), at: isoInstant(at, 'at') };
      return byCompany(atOrBefore.all(params));
    },
    history(portal: string, companyId: string, days: number): ScoreRecord[] {
      if (!(days >= 0))
        throw new StoreError('invalid-input', `days must be 0 or more, got ${days}.`);
      const from = new Date(now().getTime() - days * DAY_MS).toISOString();
      return since.all({ portal, companyId, since: from }).map(scoreRecord);
    },
  };
}

function toParams(row: ScoreRecord) {
  return {
    portal: row.portal,
    companyId: row.companyId,
    scoredAt: isoInstant(row.scoredAt, 'scoredAt'),
    score: row.score,
    tier: row.tier,
    coverage: row.coverage,
    dimensions: JSON.stringify(row.dimensions),
    modelName: row.model.name,
    modelVersion: row.model.version,
    topDrivers: row.topDrivers,
  };
}
