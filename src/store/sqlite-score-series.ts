import type Database from 'better-sqlite3';
import { addReading, decodeSeries, encodeSeries, seriesOf, type Series } from './score-series.ts';
import type { ScoreRecord } from './store.ts';

/**
 * Each company's recent scores as one packed row (score-series.ts), kept beside the score
 * history in the same transaction as each append: synchronous, like the history itself.
 */
export function sqliteScoreSeries(db: Database.Database) {
  const select = db
    .prepare<{ portal: string; companyId: string }, string>(
      'SELECT readings FROM score_series WHERE portal = @portal AND company_id = @companyId',
    )
    .pluck();
  const upsert = db.prepare(`
    INSERT INTO score_series (portal, company_id, readings) VALUES (@portal, @companyId, @readings)
    ON CONFLICT (portal, company_id) DO UPDATE SET readings = excluded.readings`);
  const remove = db.prepare(
    'DELETE FROM score_series WHERE portal = @portal AND company_id = @companyId',
  );
  const history = db
    .prepare<{ portal: string; companyId: string }, [string, number | null]>(
      `SELECT scored_at, score FROM score_history WHERE portal = @portal AND company_id = @companyId
       ORDER BY scored_at, id`,
    )
    .raw();
  const all = db
    .prepare<{ portal: string }, [string, string]>(
      'SELECT company_id, readings FROM score_series WHERE portal = @portal',
    )
    .raw();

  const save = (portal: string, companyId: string, series: Series) =>
    upsert.run({ portal, companyId, readings: encodeSeries(series) });

  return {
    /** Adds the appended rows' readings (call inside the append's transaction). */
    add(rows: readonly ScoreRecord[]): void {
      const byCompany = new Map<string, ScoreRecord[]>();
      for (const row of rows) {
        const key = `${row.portal}\n${row.companyId}`;
        const own = byCompany.get(key);
        if (own) own.push(row);
        else byCompany.set(key, [row]);
      }
      for (const own of byCompany.values()) {
        const { portal, companyId } = own[0]!;
        let series = decodeSeries(select.get({ portal, companyId }));
        for (const row of own)
          series = addReading(series, { at: Date.parse(row.scoredAt), score: row.score });
        save(portal, companyId, series);
      }
    },
    /** Builds the company's series again from its history (after a merge moved rows to it). */
    rebuild(portal: string, companyId: string): void {
      const rows = history.all({ portal, companyId });
      if (rows.length === 0) remove.run({ portal, companyId });
      else
        save(
          portal,
          companyId,
          seriesOf(rows.map(([at, score]) => ({ at: Date.parse(at), score }))),
        );
    },
    remove(portal: string, companyId: string): void {
      remove.run({ portal, companyId });
    },
    /** Every company's packed series, as stored. */
    all(portal: string): IterableIterator<[string, string]> {
      return all.iterate({ portal });
    },
  };
}
