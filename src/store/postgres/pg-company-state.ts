import { isoInstant } from '../iso-instant.ts';
import { digestOf } from '../card-digest.ts';
import type { CompanyState } from '../store.ts';
import type { Queryable } from './pg-client.ts';
import { inLockOrder } from './pg-lock-order.ts';

interface StateRow {
  company_id: string;
  portal: string;
  properties: string;
  checked_at: string;
  card: string | null;
  main: string | null;
  drivers: string | null;
}

/** The saved state of each company of the page that has one, with its card's digest. */
export async function companyStateRows(
  q: Queryable,
  portal: string,
  companyIds: readonly string[],
): Promise<Map<string, CompanyState>> {
  const { rows } = await q.query<StateRow>(
    `SELECT s.portal, s.company_id, s.properties, s.checked_at, s.card, d.main, d.drivers
     FROM company_state AS s
     LEFT JOIN card_digest AS d ON d.portal = s.portal AND d.company_id = s.company_id
     WHERE s.portal = $1 AND s.company_id = ANY($2::text[])`,
    [portal, companyIds],
  );
  return new Map(rows.map((row) => [row.company_id, toState(row)]));
}

/**
 * Upserts the states and their cards' digests in one statement, so it is atomic on its own and
 * composes inside `commitPage`'s transaction. A write without a card keeps the saved card (and
 * its digest); a new card without a digest drops the old card's digest, which no longer
 * describes it. Concurrent writers of one company queue on its row and the later one wins, as
 * SQLite's single writer would have it.
 */
export async function putCompanyStateRows(
  q: Queryable,
  rows: readonly CompanyState[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(portal text, company_id text,
         properties text, checked_at text, card text, digest text, main text, drivers text)
     ), states AS (
       INSERT INTO company_state (portal, company_id, properties, checked_at, card)
       SELECT portal, company_id, properties, checked_at, card FROM r
       ON CONFLICT (portal, company_id) DO UPDATE SET properties = excluded.properties,
         checked_at = excluded.checked_at, card = COALESCE(excluded.card, company_state.card)
     ), digests AS (
       INSERT INTO card_digest (portal, company_id, main, drivers)
       SELECT portal, company_id, main, drivers FROM r WHERE digest = 'put'
       ON CONFLICT (portal, company_id) DO UPDATE SET main = excluded.main,
         drivers = excluded.drivers
     )
     DELETE FROM card_digest AS d USING r
     WHERE r.digest = 'drop' AND d.portal = r.portal AND d.company_id = r.company_id`,
    [JSON.stringify(lastWritePerCompany(rows))],
  );
}

interface StateParams {
  portal: string;
  company_id: string;
  properties: string;
  checked_at: string;
  card: string | null;
  /** put: save main and drivers; drop: delete the saved digest; null: leave it. */
  digest: 'put' | 'drop' | null;
  main: string | null;
  drivers: string | null;
}

/**
 * One row per company, as writing the rows one after another would leave it (one INSERT … ON
 * CONFLICT cannot touch a row twice): the last properties, the last card given, and the digest
 * of the last row that gave a digest or a card. In key order, so concurrent writers lock rows
 * in one order and cannot deadlock.
 */
function lastWritePerCompany(rows: readonly CompanyState[]): StateParams[] {
  const kept = new Map<string, StateParams>();
  for (const row of rows) {
    const key = `${row.portal}\u0000${row.companyId}`;
    const earlier = kept.get(key);
    const card = row.card === undefined ? (earlier?.card ?? null) : JSON.stringify(row.card);
    const digest = row.digest
      ? {
          digest: 'put' as const,
          main: JSON.stringify(row.digest.main),
          drivers: row.digest.drivers === undefined ? null : JSON.stringify(row.digest.drivers),
        }
      : row.card !== undefined
        ? { digest: 'drop' as const, main: null, drivers: null }
        : {
            digest: earlier?.digest ?? null,
            main: earlier?.main ?? null,
            drivers: earlier?.drivers ?? null,
          };
    kept.set(key, {
      portal: row.portal,
      company_id: row.companyId,
      properties: JSON.stringify(row.properties),
      checked_at: isoInstant(row.checkedAt, 'checkedAt'),
      card,
      ...digest,
    });
  }
  return inLockOrder([...kept.values()], (row) => [row.portal, row.company_id]);
}

function toState(row: StateRow): CompanyState {
  return {
    portal: row.portal,
    companyId: row.company_id,
    properties: JSON.parse(row.properties) as CompanyState['properties'],
    checkedAt: row.checked_at,
    ...(row.card === null ? {} : { card: JSON.parse(row.card) as unknown }),
    ...(row.main === null ? {} : { digest: digestOf(row.main, row.drivers) }),
  };
}
