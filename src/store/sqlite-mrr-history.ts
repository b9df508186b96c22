import type Database from 'better-sqlite3';
import { isoInstant } from './iso-instant.ts';
import type { MrrChange, MrrReading } from './store.ts';

interface MrrRow {
  company_id: string;
  at: string;
  mrr: number;
}

/** Each company's MRR over time, one row per change, on SQLite: synchronous, like the others. */
export function sqliteMrrHistory(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO mrr_history (portal, company_id, at, mrr) VALUES (@portal, @companyId, @at, @mrr)
    ON CONFLICT (portal, company_id, at) DO UPDATE SET mrr = excluded.mrr`);
  const latest = db.prepare<{ portal: string; ids: string }, MrrRow>(`
    SELECT m.company_id, m.at, m.mrr FROM json_each(@ids) AS ids
    CROSS JOIN mrr_history AS m ON m.portal = @portal AND m.company_id = ids.value
      AND m.at = (SELECT max(at) FROM mrr_history
                  WHERE portal = @portal AND company_id = ids.value)`);
  // One pass in key order over a table that holds only changes: cheaper than a seek per company.
  const all = db
    .prepare<{ portal: string }, [string, string, number]>(
      'SELECT company_id, at, mrr FROM mrr_history WHERE portal = @portal ORDER BY company_id, at',
    )
    .raw();

  return {
    append: db.transaction((rows: readonly MrrChange[]) => {
      for (const row of rows)
        insert.run({
          portal: row.portal,
          companyId: row.companyId,
          at: isoInstant(row.at, 'at'),
          mrr: row.mrr,
        });
    }),
    latest(portal: string, companyIds: readonly string[]): Map<string, MrrReading> {
      const rows = latest.all({ portal, ids: JSON.stringify(companyIds) });
      return new Map(rows.map((r) => [r.company_id, { at: r.at, mrr: r.mrr }]));
    },
    history(portal: string, period?: { from: string; to: string }): Map<string, MrrReading[]> {
      const within = period && {
        from: isoInstant(period.from, 'from'),
        to: isoInstant(period.to, 'to'),
      };
      const byCompany = new Map<string, MrrReading[]>();
      let company: string | null = null;
      let points: MrrReading[] = [];
      const close = () => {
        if (company !== null)
          byCompany.set(company, within ? withinPeriod(points, within) : points);
      };
      // Changes a run records share their time: one string each, so readers parsing times can
      // remember them.
      const times = new Map<string, string>();
      for (const [id, at, mrr] of all.iterate({ portal })) {
        if (id !== company) {
          close();
          company = id;
          points = [];
        }
        let time = times.get(at);
        if (time === undefined) times.set(at, (time = at));
        points.push({ at: time, mrr });
      }
      close();
      return byCompany;
    },
  };
}

/**
 * What it takes to know a company's MRR within a period: its first row (where its record begins),
 * the row in force at `from` (or, when that is 0, the last one it paid, so a return can be told
 * from a first purchase) and every row after, up to `to`.
 */
function withinPeriod(all: readonly MrrReading[], { from, to }: { from: string; to: string }) {
  let end = all.length;
  while (end > 1 && all[end - 1]!.at > to) end--;
  const points = all.slice(0, end);
  let start = points.length;
  while (start > 0 && points[start - 1]!.at > from) start--;
  // points[start - 1] is in force at `from`; step back to the last one paid if it pays nothing.
  let seed = start - 1;
  while (seed > 0 && points[seed]!.mrr === 0) seed--;
  if (seed >= 0 && points[seed]!.mrr === 0) seed = start - 1;
  const kept = points.slice(Math.max(seed, 0));
  return seed > 0 ? [points[0]!, ...kept] : kept;
}
