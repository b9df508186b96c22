import Database from 'better-sqlite3';
import { SQLITE_FILE_NAME } from '../../src/store/open-sqlite-store.ts';
import { join } from 'node:path';
import { query } from './postgres-query.ts';
import type { StoreAt } from './bench-store.ts';

// The card's history query as both stores run it (sqlite-score-history.ts, pg-score-history.ts):
// one company's readings since a day, oldest first.
const HISTORY_QUERY = (p: (n: number) => string) =>
  `SELECT * FROM score_history WHERE portal = ${p(1)} AND company_id = ${p(2)} AND scored_at >= ${p(3)} ORDER BY scored_at, id`;

/** The store's plan for the card's history query: it must seek the company's index range. */
export async function historyPlan(at: StoreAt, companyId: string, since: string): Promise<string> {
  const params = ['sandbox', companyId, since];
  if ('sqlite' in at) {
    const db = new Database(join(at.sqlite, SQLITE_FILE_NAME), { readonly: true });
    try {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${HISTORY_QUERY(() => '?')}`).all(...params) as {
        detail: string;
      }[];
      return rows.map((r) => r.detail).join('; ');
    } finally {
      db.close();
    }
  }
  const rows = await query<{ 'QUERY PLAN': string }>(
    at.postgres,
    `EXPLAIN (COSTS OFF) ${HISTORY_QUERY((n) => `$${n}`)}`,
    params,
  );
  return rows.map((r) => r['QUERY PLAN'].trim()).join('; ');
}
