import {
  SNAPSHOT_COLUMNS,
  SNAPSHOT_PAGE,
  snapshotOf,
  snapshotParams,
  snapshotRange,
  type SnapshotParams,
  type SnapshotRow,
} from '../snapshot-rows.ts';
import type { SignalSnapshot, SnapshotSpan } from '../store.ts';
import type { Queryable } from './pg-client.ts';
import { inLockOrder } from './pg-lock-order.ts';

/**
 * Upserts each company's snapshot of its month in one statement; an earlier reading (a replayed
 * page, a slower process finishing late) changes nothing. As for the facts, the row lock ON
 * CONFLICT takes and its WHERE keep the later reading whichever of two writers commits last.
 */
export async function putSignalSnapshotRows(
  q: Queryable,
  rows: readonly SignalSnapshot[],
): Promise<void> {
  if (rows.length === 0) return;
  // Every row is checked before anything is written, as SQLite's transaction refuses the batch.
  const params = rows.map(snapshotParams);
  await q.query(
    `INSERT INTO signal_snapshots (portal, company_id, month, taken_at, segment, signals, modifiers)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(portal text, company_id text, month text,
       taken_at text, segment text, signals text, modifiers text)
     ON CONFLICT (portal, company_id, month) DO UPDATE SET taken_at = excluded.taken_at,
       segment = excluded.segment, signals = excluded.signals, modifiers = excluded.modifiers
     WHERE excluded.taken_at >= signal_snapshots.taken_at`,
    [
      JSON.stringify(
        inLockOrder(latestPerMonth(params), (row) => [row.portal, row.company_id, row.month]),
      ),
    ],
  );
}

/**
 * The portal's snapshots by company and month, a page per query. Keyset pages on the primary key:
 * each starts where the last ended, so the last page costs what the first did, and no connection
 * or cursor is held while the caller works on a page (callers that hold one connection and wait
 * for another could empty the pool).
 */
export async function* signalSnapshotPages(
  q: Queryable,
  portal: string,
  range?: { from?: string; to?: string },
): AsyncGenerator<SignalSnapshot[]> {
  const { from, to } = snapshotRange(range);
  let after: readonly [string, string] = ['', ''];
  for (;;) {
    const { rows } = await q.query<SnapshotRow>({
      text: `SELECT ${SNAPSHOT_COLUMNS} FROM signal_snapshots
             WHERE portal = $1 AND (company_id, month) > ($2, $3) AND month BETWEEN $4 AND $5
             ORDER BY company_id, month LIMIT ${SNAPSHOT_PAGE}`,
      values: [portal, after[0], after[1], from, to],
      rowMode: 'array',
    });
    const last = rows.at(-1);
    if (last === undefined) return;
    yield rows.map((row) => snapshotOf(portal, row));
    if (rows.length < SNAPSHOT_PAGE) return;
    after = [last[0], last[1]];
  }
}

/** The months the portal's snapshots span, and how many companies and rows they hold. */
export async function snapshotSpan(q: Queryable, portal: string): Promise<SnapshotSpan> {
  const { rows } = await q.query<SnapshotSpan>(
    `SELECT min(month) AS first, max(month) AS last, count(DISTINCT company_id)::int AS companies,
       count(*)::int AS rows
     FROM signal_snapshots WHERE portal = $1`,
    [portal],
  );
  return rows[0]!;
}

// One INSERT … ON CONFLICT cannot touch a row twice: of a month given twice for a company, the
// later reading wins, as it would row by row.
function latestPerMonth(rows: readonly SnapshotParams[]): SnapshotParams[] {
  const kept = new Map<string, SnapshotParams>();
  for (const row of rows) {
    const key = `${row.portal}\u0000${row.company_id}\u0000${row.month}`;
    const known = kept.get(key);
    if (!known || row.taken_at >= known.taken_at) kept.set(key, row);
  }
  return [...kept.values()];
}
