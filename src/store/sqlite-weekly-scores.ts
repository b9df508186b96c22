import type Database from 'better-sqlite3';
import {
  packedAtOrBefore,
  packedCount,
  packedScore,
  packedTrimmed,
  type Reading,
} from './score-series.ts';
import type { sqliteScoreSeries } from './sqlite-score-series.ts';
import type { WeeklyScore } from './store.ts';
import { weekEnds, type Weeks } from './week-ends.ts';

export { weekEnds, type Weeks };

/**
 * Every scored company's score at the end of each of the last weeks, on SQLite. History holds a
 * row only when a score moved, so a week's reading is the latest row at or before its end. Read
 * from score_series, one packed row per company; a company whose series begins after the first
 * week (its older readings were dropped) is read from the history instead.
 */
export function sqliteWeeklyScores(
  db: Database.Database,
  series: ReturnType<typeof sqliteScoreSeries>,
) {
  // Per company one seek to the reading in force when the first week ended, then its rows up to
  // the last, from the covering index score_history_scores.
  const history = db
    .prepare<{ portal: string; ids: string; from: string; to: string }, [string, string, number]>(
      `
    SELECT h.company_id, h.scored_at, h.score FROM json_each(@ids) AS c
    CROSS JOIN score_history AS h ON h.portal = @portal AND h.company_id = c.value
    WHERE h.scored_at <= @to AND h.scored_at >= COALESCE(
      (SELECT max(scored_at) FROM score_history
       WHERE portal = @portal AND company_id = c.value AND scored_at <= @from),
      @from)
    ORDER BY c.value, h.scored_at, h.id`,
    )
    .raw();

  const fromHistory = (portal: string, ids: string[], weeks: Weeks) => {
    const readings = new Map<string, Reading[]>();
    const params = { portal, ids: JSON.stringify(ids), from: weeks.iso[0]!, to: weeks.iso.at(-1)! };
    for (const [id, at, score] of history.iterate(params)) {
      let own = readings.get(id);
      if (!own) readings.set(id, (own = []));
      own.push({ at: Date.parse(at), score });
    }
    return readings;
  };

  /** The weekly scores of packed series (as score_series holds them), by company id. */
  const of = (
    portal: string,
    packed: Iterable<readonly [string, string | null]>,
    weeks: Weeks,
  ): Map<string, WeeklyScore[]> => {
    const out = new Map<string, WeeklyScore[]>();
    const older: string[] = [];
    for (const [id, series] of packed) {
      const points = series && packedPoints(series, weeks);
      if (points) out.set(id, points);
      else if (series) older.push(id);
    }
    for (const [id, points] of olderPoints(portal, older, weeks)) out.set(id, points);
    return out;
  };

  /** Companies whose packed series begins too late, read from the history instead. */
  const olderPoints = (portal: string, ids: string[], weeks: Weeks) => {
    const out = new Map<string, WeeklyScore[]>();
    if (ids.length > 0)
      for (const [id, readings] of fromHistory(portal, ids, weeks))
        out.set(id, weeklyPoints(readings, weeks));
    return out;
  };

  return {
    olderPoints,
    all(portal: string, weeks: number, until: string) {
      const ends = weekEnds(weeks, until);
      return of(portal, series.all(portal), ends);
    },
  };
}

/**
 * A packed series as weekly points, or null when it begins after the first week end with its
 * older readings dropped (only the history then knows that week's score). Read in place: this
 * runs once per company of the book.
 */
export function packedPoints(packed: string, weeks: Weeks): WeeklyScore[] | null {
  const count = packedCount(packed);
  if (packedTrimmed(packed) && count > 0 && !packedAtOrBefore(packed, 0, weeks.hex[0]!))
    return null;
  const points: WeeklyScore[] = [];
  let next = 0;
  let score: number | null | undefined;
  for (let w = 0; w < weeks.ms.length; w++) {
    const before = score;
    while (next < count && packedAtOrBefore(packed, next, weeks.hex[w]!))
      score = packedScore(packed, next++);
    if (score !== undefined && (points.length === 0 || score !== before))
      points.push(pointOf(weeks, w, score));
  }
  return points;
}

/**
 * A company's readings (oldest first) as its score at each week end from its first reading on;
 * a week whose score is the week before's is left out (that reading still holds then).
 */
function weeklyPoints(readings: readonly Reading[], weeks: Weeks): WeeklyScore[] {
  const points: WeeklyScore[] = [];
  let next = 0;
  let score: number | null | undefined;
  for (let w = 0; w < weeks.ms.length; w++) {
    const before = score;
    while (next < readings.length && readings[next]!.at <= weeks.ms[w]!)
      score = readings[next++]!.score;
    if (score !== undefined && (points.length === 0 || score !== before))
      points.push(pointOf(weeks, w, score));
  }
  return points;
}

function pointOf(weeks: Weeks, week: number, score: number | null): WeeklyScore {
  const key = week * 1024 + (score ?? 1023);
  let point = weeks.points.get(key);
  if (!point) weeks.points.set(key, (point = { at: weeks.iso[week]!, score }));
  return point;
}
