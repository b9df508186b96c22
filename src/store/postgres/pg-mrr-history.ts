import { isoInstant } from '../iso-instant.ts';
import type { MrrChange, MrrReading } from '../store.ts';
import type { Queryable } from './pg-client.ts';
import { inLockOrder } from './pg-lock-order.ts';

/** Appends MRR changes in one statement; a second change of a company at the same instant
 * replaces the first. */
export async function appendMrrRows(q: Queryable, rows: readonly MrrChange[]): Promise<void> {
  if (rows.length === 0) return;
  // One INSERT … ON CONFLICT cannot touch a row twice: the last change given at an instant is
  // the one kept, as it would be row by row.
  const last = new Map<string, MrrChange>();
  for (const row of rows) {
    const at = isoInstant(row.at, 'at');
    last.set(`${row.portal}\u0000${row.companyId}\u0000${at}`, { ...row, at });
  }
  const ordered = inLockOrder([...last.values()], (r) => [r.portal, r.companyId, r.at]);
  await q.query(
    `INSERT INTO mrr_history (portal, company_id, at, mrr)
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS r(portal text, company_id text, at text, mrr double precision)
     ON CONFLICT (portal, company_id, at) DO UPDATE SET mrr = excluded.mrr`,
    [
      JSON.stringify(
        ordered.map((r) => ({ portal: r.portal, company_id: r.companyId, at: r.at, mrr: r.mrr })),
      ),
    ],
  );
}

/** Each company's newest MRR row, by company id: one backward seek per company. */
export async function latestMrrRows(
  q: Queryable,
  portal: string,
  companyIds: readonly string[],
): Promise<Map<string, MrrReading>> {
  if (companyIds.length === 0) return new Map();
  const { rows } = await q.query<[string, string, number]>({
    text: `SELECT ids.company_id, m.at, m.mrr FROM unnest($2::text[]) AS ids(company_id)
           CROSS JOIN LATERAL (
             SELECT at, mrr FROM mrr_history
             WHERE portal = $1 AND company_id = ids.company_id
             ORDER BY at DESC LIMIT 1
           ) AS m`,
    values: [portal, companyIds],
    rowMode: 'array',
  });
  return new Map(rows.map(([id, at, mrr]) => [id, { at, mrr }]));
}

// The whole portal in key order: one pass over the primary key of a table that holds only
// changes.
const EVERY_ROW = `SELECT company_id, at, mrr FROM mrr_history WHERE portal = $1
  ORDER BY company_id, at`;

// Within a period, the server keeps only what the reports need, in the same pass: per company
// its first row; the row in force at `from` (`in_force`) or, when that pays 0, the last row that
// paid before it if any did (`paid`), and every row after it, up to `to`. Rows after `to` never count, even for what
// is in force at `from` (a period that ends before it begins); a company seen only after `to`
// keeps its first row alone.
const WITHIN_PERIOD = `
  SELECT company_id, at, mrr FROM (
    SELECT company_id, at, mrr,
      min(at) OVER company AS first_at,
      max(at) FILTER (WHERE at <= $2 AND at <= $3) OVER company AS in_force,
      max(at) FILTER (WHERE at <= $2 AND at <= $3 AND mrr <> 0) OVER company AS paid
    FROM mrr_history WHERE portal = $1
    WINDOW company AS (PARTITION BY company_id)
  ) AS m
  WHERE at = first_at OR (at <= $3 AND at >= COALESCE(paid, in_force, $2))
  ORDER BY company_id, at`;

/**
 * Each company's MRR rows, oldest first, by company id in company order; with a period, only
 * what it takes to know each company's MRR within it (see `Store.mrrHistory`).
 */
export async function mrrHistoryRows(
  q: Queryable,
  portal: string,
  period?: { from: string; to: string },
): Promise<Map<string, MrrReading[]>> {
  const { rows } = await q.query<[string, string, number]>({
    text: period ? WITHIN_PERIOD : EVERY_ROW,
    values: period
      ? [portal, isoInstant(period.from, 'from'), isoInstant(period.to, 'to')]
      : [portal],
    rowMode: 'array',
  });
  const byCompany = new Map<string, MrrReading[]>();
  let company: string | null = null;
  let points: MrrReading[] = [];
  // Changes a run records share their time: one string each, so readers parsing times can
  // remember them.
  const times = new Map<string, string>();
  for (const [id, at, mrr] of rows) {
    if (id !== company) {
      byCompany.set(id, (points = []));
      company = id;
    }
    let time = times.get(at);
    if (time === undefined) times.set(at, (time = at));
    points.push({ at: time, mrr });
  }
  return byCompany;
}
