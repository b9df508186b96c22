import type pg from 'pg';
import type { OpenTracks } from '../../plays/play-types.ts';
import { digestOf } from '../card-digest.ts';
import { weekEnds } from '../week-ends.ts';
import type { ReportAccount, ReportRead, Store } from '../store.ts';
import { factsOf, type FactsRow } from '../facts-row.ts';
import { FACTS_COLUMNS } from './pg-account-facts.ts';
import { inTransaction, type Queryable } from './pg-client.ts';

/** What the reports' read takes from the other parts of the store. */
export interface ReportAccountsDeps {
  weeklyScores: Store['weeklyScores'];
}

// A FactsRow, then the digest's main and drivers and the open tracks (null where there are none
// or they were not asked for).
type AccountRow = [...FactsRow, main: string | null, drivers: string | null, tracks: string | null];

// Companies handed to `map` per fetch: the texts a batch is made of die young, as on SQLite,
// instead of the whole book's waiting in memory until the last company is read.
const BATCH = 5000;

/**
 * Every company of the portal with what the reports read of it: its facts, its card digest, its
 * weekly scores and its open tracks, on PostgreSQL. Facts, digests and tracks are merged in key
 * order by one statement and come through a cursor, each batch handed to `map` as it arrives.
 */
export function pgReportAccounts(pool: pg.Pool, deps: ReportAccountsDeps) {
  return async <T>(
    portal: string,
    read: ReportRead,
    map: (account: ReportAccount) => T,
  ): Promise<T[]> => {
    // Refused before anything is read, as on SQLite.
    if (read.weeks > 0) weekEnds(read.weeks, read.until);
    // Read before the cursor's connection is taken, never while holding it: requests each
    // holding one connection while waiting for another could empty the pool and wait forever.
    const weekly = read.weeks > 0 ? await deps.weeklyScores(portal, read.weeks, read.until) : null;
    return inTransaction(pool, async (tx) => {
      // One snapshot for the cursor and the cards read beside it: a card saved meanwhile is seen
      // with its digest or not at all.
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const { text, values } = accountsQuery(portal, read);
      await tx.query(`DECLARE report_accounts NO SCROLL CURSOR FOR ${text}`, values);
      const results: T[] = [];
      const account = (row: AccountRow, card: ReportAccount['card']) => {
        const tracks = row[12];
        return map({
          facts: factsOf(portal, row),
          card,
          weekly: weekly?.get(row[0]) ?? [],
          ...(tracks === null ? {} : { tracks: JSON.parse(tracks) as OpenTracks }),
        });
      };
      for (;;) {
        const { rows } = await tx.query<AccountRow>({
          text: `FETCH ${BATCH} FROM report_accounts`,
          rowMode: 'array',
        });
        const batch: T[] = new Array(rows.length);
        const undigested: number[] = [];
        rows.forEach((row, i) => {
          const main = row[10];
          if (main !== null) batch[i] = account(row, digestOf(main, row[11]));
          else if (read.cards) undigested.push(i);
          else batch[i] = account(row, null);
        });
        if (undigested.length > 0) {
          const ids = undigested.map((i) => rows[i]![0]);
          const cards = await cardsOf(tx, portal, ids);
          for (const i of undigested) {
            const card = cards.get(rows[i]![0]);
            batch[i] = account(rows[i]!, card === undefined ? null : digestOf(card, null));
          }
        }
        for (const one of batch) results.push(one);
        if (rows.length < BATCH) return results;
      }
    });
  };
}

/**
 * The facts of every company of the portal in key order, each with its digest and its tracks if
 * asked: merged on the primary keys, a table not asked for is not read at all, and the drivers
 * cross the wire only if asked.
 */
function accountsQuery(portal: string, read: ReportRead) {
  const digests = read.cards ? 'd.main, CASE WHEN $2 THEN d.drivers END' : 'NULL, NULL';
  const withDigests = read.cards ? joined('card_digest', 'd') : '';
  const withTracks = read.tracks ? joined('play_state', 'p') : '';
  return {
    text: `SELECT ${FACTS_COLUMNS}, ${digests}, ${read.tracks ? 'p.tracks' : 'NULL'}
      FROM account_facts AS f ${withDigests} ${withTracks}
      WHERE f.portal = $1 ORDER BY f.company_id`,
    values: read.cards ? [portal, read.drivers] : [portal],
  };
}

const joined = (table: string, alias: string) =>
  `LEFT JOIN ${table} AS ${alias} ON ${alias}.portal = f.portal AND ${alias}.company_id = f.company_id`;

// Where an older Vitals saved a card without a digest, the reports read the card itself.
async function cardsOf(
  q: Queryable,
  portal: string,
  companyIds: readonly string[],
): Promise<Map<string, string>> {
  const { rows } = await q.query<[string, string]>({
    text: `SELECT company_id, card FROM company_state
           WHERE portal = $1 AND company_id = ANY($2::text[]) AND card IS NOT NULL`,
    values: [portal, companyIds],
    rowMode: 'array',
  });
  return new Map(rows);
}
