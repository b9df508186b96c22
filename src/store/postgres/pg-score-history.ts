import { isoInstant } from '../iso-instant.ts';
import { byCompany, scoreRecord, type ScoreRow } from '../score-rows.ts';
import type { ScoreRecord } from '../store.ts';
import { StoreError } from '../store-error.ts';
import type { Queryable } from './pg-client.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const COLUMNS = `portal, company_id, scored_at, score, tier, coverage, dimensions, model_name,
  model_version, top_drivers`;

/**
 * Appends the rows in one statement, so a batch is written whole or not at all. The identity
 * column numbers them in the order given: it breaks ties between rows scored at the same instant
 * as SQLite's rowid does.
 */
export async function appendScoreRows(q: Queryable, rows: readonly ScoreRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const params = rows.map(toParams);
  const column = <K extends keyof ScoreRow>(key: K) => params.map((row) => row[key]);
  await q.query(
    `INSERT INTO score_history (${COLUMNS})
     SELECT ${COLUMNS} FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[],
       $6::double precision[], $7::text[], $8::text[], $9::text[], $10::text[])
       WITH ORDINALITY AS r(${COLUMNS}, n)
     ORDER BY n`,
    [
      column('portal'),
      column('company_id'),
      column('scored_at'),
      column('score'),
      column('tier'),
      column('coverage'),
      column('dimensions'),
      column('model_name'),
      column('model_version'),
      column('top_drivers'),
    ],
  );
}

// The ids of a page travel as one array, so a page costs one statement whatever its size; each
// company is one backward seek on score_history_scores, however long its history.
const newestPerCompany = (bound: string) => `
  SELECT h.* FROM unnest($2::text[]) AS ids(company_id)
  CROSS JOIN LATERAL (
    SELECT ${COLUMNS} FROM score_history
    WHERE portal = $1 AND company_id = ids.company_id ${bound}
    ORDER BY scored_at DESC, id DESC LIMIT 1
  ) AS h`;

/** The newest record of each company that has one, by company id. */
export async function latestScoreRows(
  q: Queryable,
  portal: string,
  companyIds: readonly string[],
): Promise<Map<string, ScoreRecord>> {
  const { rows } = await q.query<ScoreRow>(newestPerCompany(''), [portal, companyIds]);
  return byCompany(rows);
}

/** Per company, the newest record scored at or before `at`. */
export async function scoreRowsAtOrBefore(
  q: Queryable,
  portal: string,
  companyIds: readonly string[],
  at: string,
): Promise<Map<string, ScoreRecord>> {
  const bound = isoInstant(at, 'at');
  const { rows } = await q.query<ScoreRow>(newestPerCompany('AND scored_at <= $3'), [
    portal,
    companyIds,
    bound,
  ]);
  return byCompany(rows);
}

/** One company's records of the `days` days before `now`, oldest first. */
export async function scoreRowsOfLastDays(
  q: Queryable,
  portal: string,
  companyId: string,
  days: number,
  now: Date,
): Promise<ScoreRecord[]> {
  if (!(days >= 0)) throw new StoreError('invalid-input', `days must be 0 or more, got ${days}.`);
  const since = new Date(now.getTime() - days * DAY_MS).toISOString();
  const { rows } = await q.query<ScoreRow>(
    `SELECT ${COLUMNS} FROM score_history
     WHERE portal = $1 AND company_id = $2 AND scored_at >= $3
     ORDER BY scored_at, id`,
    [portal, companyId, since],
  );
  return rows.map(scoreRecord);
}

function toParams(row: ScoreRecord): ScoreRow {
  return {
    portal: row.portal,
    company_id: row.companyId,
    scored_at: isoInstant(row.scoredAt, 'scoredAt'),
    score: row.score,
    tier: row.tier,
    coverage: row.coverage,
    dimensions: JSON.stringify(row.dimensions),
    model_name: row.model.name,
    model_version: row.model.version,
    top_drivers: row.topDrivers,
  };
}
