import type Database from 'better-sqlite3';
import {
  SNAPSHOT_COLUMNS,
  SNAPSHOT_PAGE,
  snapshotOf,
  snapshotParams,
  snapshotRange,
  type SnapshotRow,
} from './snapshot-rows.ts';
import type { SignalSnapshot, SnapshotSpan } from './store.ts';

interface PageParams {
  portal: string;
  from: string;
  to: string;
  afterCompany: string;
  afterMonth: string;
  limit: number;
}

/** Each company's signals once a month, on SQLite: synchronous, so `commitPage` can compose it. */
export function sqliteSignalSnapshots(db: Database.Database) {
  // An earlier reading (a replayed page, a slower process finishing late) changes nothing.
  const upsert = db.prepare(`
    INSERT INTO signal_snapshots (portal, company_id, month, taken_at, segment, signals, modifiers)
    VALUES (@portal, @company_id, @month, @taken_at, @segment, @signals, @modifiers)
    ON CONFLICT (portal, company_id, month) DO UPDATE SET taken_at = excluded.taken_at,
      segment = excluded.segment, signals = excluded.signals, modifiers = excluded.modifiers
    WHERE excluded.taken_at >= signal_snapshots.taken_at`);
  // Keyset pages: each starts in the primary key where the last ended, so a page costs the same
  // at the end of the book as at its start, and nothing stays open between pages (an iterating
  // statement would keep the connection busy while the caller works on the page).
  const page = db
    .prepare<PageParams, SnapshotRow>(
      `SELECT ${SNAPSHOT_COLUMNS} FROM signal_snapshots
       WHERE portal = @portal AND (company_id, month) > (@afterCompany, @afterMonth)
         AND month BETWEEN @from AND @to
       ORDER BY company_id, month LIMIT @limit`,
    )
    .raw();
  const span = db.prepare<{ portal: string }, SnapshotSpan>(
    `SELECT min(month) AS first, max(month) AS last, count(DISTINCT company_id) AS companies,
       count(*) AS rows
     FROM signal_snapshots WHERE portal = @portal`,
  );

  return {
    put: db.transaction((rows: readonly SignalSnapshot[]) => {
      for (const row of rows) upsert.run(snapshotParams(row));
    }),
    async *pages(
      portal: string,
      range?: { from?: string; to?: string },
    ): AsyncGenerator<SignalSnapshot[]> {
      const { from, to } = snapshotRange(range);
      let afterCompany = '';
      let afterMonth = '';
      for (;;) {
        const rows = page.all({ portal, from, to, afterCompany, afterMonth, limit: SNAPSHOT_PAGE });
        const last = rows.at(-1);
        if (last === undefined) return;
        yield rows.map((row) => snapshotOf(portal, row));
        if (rows.length < SNAPSHOT_PAGE) return;
        [afterCompany, afterMonth] = last;
      }
    },
    span(portal: string): SnapshotSpan {
      return span.get({ portal })!;
    },
  };
}
