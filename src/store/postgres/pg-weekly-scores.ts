import { weekEnds, type Weeks } from '../week-ends.ts';
import type { WeeklyScore } from '../store.ts';
import type { Queryable } from './pg-client.ts';

/** A reading packed as one number: its week × 1024 + its score, or 1023 for no score. */
const WEEK_FACTOR = 1024;
const NO_SCORE = 1023;

// Every company with history, one seek each (a loose index scan): reading every row of the book
// to find its companies costs more. Then per company
// the readings that decide its weekly scores: the one in force at the first week end (one
// backward seek) and those after it up to the last (a range of score_history_scores). Each comes
// as its week (the number of week ends before it: width_bucket over the ends + 1 ms, instants
// being ms-exact ISO text) packed with its score into one number, in history order: one short
// text per company instead of a row per reading, which the driver would make an object of.
const WEEKLY_READINGS = `
  WITH RECURSIVE companies (company_id) AS (
    (SELECT company_id FROM score_history WHERE portal = $1 ORDER BY company_id LIMIT 1)
    UNION ALL
    SELECT (SELECT h.company_id FROM score_history AS h
            WHERE h.portal = $1 AND h.company_id > c.company_id
            ORDER BY h.company_id LIMIT 1)
    FROM companies AS c WHERE c.company_id IS NOT NULL
  )
  SELECT c.company_id, r.packed FROM companies AS c
  CROSS JOIN LATERAL (
    SELECT string_agg((width_bucket(h.scored_at, $4::text[]) * ${WEEK_FACTOR}
        + coalesce(h.score, ${NO_SCORE}))::text, ',' ORDER BY h.scored_at, h.id) AS packed
    FROM score_history AS h
    WHERE h.portal = $1 AND h.company_id = c.company_id AND h.scored_at <= $3
      AND h.scored_at >= coalesce((
        SELECT max(f.scored_at) FROM score_history AS f
        WHERE f.portal = $1 AND f.company_id = c.company_id AND f.scored_at <= $2
      ), $2)
  ) AS r
  WHERE c.company_id IS NOT NULL`;

/**
 * Every scored company's score at the end of each of the last `weeks` weeks up to `until`, as
 * Store.weeklyScores defines it; a company scored only after `until` has none.
 */
export async function weeklyScoreRows(
  q: Queryable,
  portal: string,
  weeks: number,
  until: string,
): Promise<Map<string, WeeklyScore[]>> {
  const ends = weekEnds(weeks, until);
  // A reading at a week end belongs to that week: the buckets' lower bounds are the ends + 1 ms.
  const bounds = ends.ms.map((at) => new Date(at + 1).toISOString());
  const { rows } = await q.query<[string, string | null]>({
    text: WEEKLY_READINGS,
    values: [portal, ends.iso[0], ends.iso.at(-1), bounds],
    rowMode: 'array',
  });
  const out = new Map<string, WeeklyScore[]>();
  for (const [companyId, packed] of rows)
    out.set(companyId, packed === null ? [] : weeklyPoints(packed, ends));
  return out;
}

/**
 * A company's packed readings (oldest first) as its score at each week end from its first
 * reading on; a week whose score is the week before's is left out (that reading still holds).
 * Of a week's readings the last decides, and the previous week with readings had the score the
 * week before held, since none came between.
 */
function weeklyPoints(packed: string, weeks: Weeks): WeeklyScore[] {
  const codes = packed.split(',').map(Number);
  const points: WeeklyScore[] = [];
  let before: number | null = null;
  for (let i = 0; i < codes.length; i++) {
    const week = Math.floor(codes[i]! / WEEK_FACTOR);
    if (i + 1 < codes.length && Math.floor(codes[i + 1]! / WEEK_FACTOR) === week) continue;
    const raw = codes[i]! % WEEK_FACTOR;
    const score = raw === NO_SCORE ? null : raw;
    if (points.length === 0 || score !== before) points.push(pointOf(weeks, week, score));
    before = score;
  }
  return points;
}

/** One point object per week and score, shared by every company that has it (never changed). */
function pointOf(weeks: Weeks, week: number, score: number | null): WeeklyScore {
  const key = week * WEEK_FACTOR + (score ?? NO_SCORE);
  let point = weeks.points.get(key);
  if (!point) weeks.points.set(key, (point = { at: weeks.iso[week]!, score }));
  return point;
}
