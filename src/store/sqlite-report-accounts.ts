import type Database from 'better-sqlite3';
import type { OpenTracks } from '../plays/play-types.ts';
import { digestOf } from './card-digest.ts';
import { factsOf, type FactsRow } from './facts-row.ts';
import {
  packedPoints,
  weekEnds,
  type sqliteWeeklyScores,
  type Weeks,
} from './sqlite-weekly-scores.ts';
import type { ReportAccount, ReportRead, WeeklyScore } from './store.ts';

// Arrays, not objects, per row: a book of 100,000 rows is read faster so.
type Keyed<T> = [companyId: string, value: T, more: T];

/**
 * Every company of the portal with what the reports read of it: its facts, its card digest, its
 * packed scores and its open tracks. Each table is read in key order and merged here (sequential
 * reads cost less than a seek per company), and each company is handed to `map` as soon as it is
 * read: the texts and parsed cards it was made of die young, and the garbage collector never
 * copies them. A report reads only the tables it asks for.
 */
export function sqliteReportAccounts(
  db: Database.Database,
  weekly: ReturnType<typeof sqliteWeeklyScores>,
) {
  const sql = statements(db);

  return <T>(portal: string, read: ReportRead, map: (account: ReportAccount) => T): T[] => {
    const weeks = read.weeks > 0 ? weekEnds(read.weeks, read.until) : null;
    // One statement at a time on a connection: the small parts are read first, whole, and the
    // digests streamed beside the facts.
    const scores = weeks ? weeklyOf(portal, weeks, sql, weekly) : null;
    const tracks = read.tracks ? new Map(sql.tracks.all({ portal })) : null;
    const facts = sql.facts.all({ portal });
    const results: T[] = new Array(facts.length);
    const account = (i: number, card: ReportAccount['card']) => {
      const row = facts[i]!;
      const own = tracks?.get(row[0]);
      results[i] = map({
        facts: factsOf(portal, row),
        card,
        weekly: scores?.get(row[0]) ?? [],
        ...(own ? { tracks: JSON.parse(own) as OpenTracks } : {}),
      });
    };
    let next = 0;
    const undigested: number[] = [];
    const upTo = (companyId: string | null) => {
      for (; next < facts.length && (companyId === null || facts[next]![0] < companyId); next++)
        if (read.cards) undigested.push(next);
        else account(next, null);
    };
    if (read.cards)
      for (const [id, main, drivers] of sql.digests.iterate({
        portal,
        drivers: read.drivers ? 1 : 0,
      })) {
        upTo(id);
        if (facts[next]?.[0] === id) account(next++, digestOf(main!, drivers));
      }
    upTo(null);
    if (undigested.length > 0) {
      // Where an older Vitals saved a card without a digest, the reports read the card itself.
      const ids = JSON.stringify(undigested.map((i) => facts[i]![0]));
      const cards = new Map(sql.cardsWithout.all({ portal, ids }));
      for (const i of undigested) {
        const card = cards.get(facts[i]![0]);
        account(i, card ? digestOf(card, null) : null);
      }
    }
    return results;
  };
}

function statements(db: Database.Database) {
  return {
    facts: db
      .prepare<{ portal: string }, FactsRow>(
        `SELECT company_id, name, owner_id, segment, mrr, renewal_date, churned_at,
           customer_since, expansion_seen, updated_at
         FROM account_facts WHERE portal = @portal ORDER BY company_id`,
      )
      .raw(),
    digests: db
      .prepare<{ portal: string; drivers: number }, Keyed<string | null>>(
        `SELECT company_id, main, IIF(@drivers, drivers, NULL) FROM card_digest
         WHERE portal = @portal ORDER BY company_id`,
      )
      .raw(),
    cardsWithout: db
      .prepare<{ portal: string; ids: string }, [string, string]>(
        `SELECT s.company_id, s.card FROM json_each(@ids) AS ids
         CROSS JOIN company_state AS s ON s.portal = @portal AND s.company_id = ids.value
         WHERE s.card IS NOT NULL`,
      )
      .raw(),
    series: db
      .prepare<{ portal: string }, [string, string]>(
        'SELECT company_id, readings FROM score_series WHERE portal = @portal',
      )
      .raw(),
    tracks: db
      .prepare<{ portal: string }, [string, string]>(
        `SELECT company_id, tracks FROM play_state WHERE portal = @portal AND tracks IS NOT NULL`,
      )
      .raw(),
  };
}

/** Each company's weekly scores; companies whose packed series begins too late, from history. */
function weeklyOf(
  portal: string,
  weeks: Weeks,
  sql: ReturnType<typeof statements>,
  weekly: ReturnType<typeof sqliteWeeklyScores>,
): Map<string, WeeklyScore[]> {
  const out = new Map<string, WeeklyScore[]>();
  const older: string[] = [];
  for (const [id, readings] of sql.series.iterate({ portal })) {
    const points = packedPoints(readings, weeks);
    if (points) out.set(id, points);
    else older.push(id);
  }
  for (const [id, points] of weekly.olderPoints(portal, older, weeks)) out.set(id, points);
  return out;
}
