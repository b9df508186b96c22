import { isoInstant } from '../iso-instant.ts';
import type { AccountFactsRecord } from '../store.ts';
import { factsOf, type FactsRow } from '../facts-row.ts';
import type { Queryable } from './pg-client.ts';
import { inLockOrder } from './pg-lock-order.ts';

/** account_facts' columns, in the order `SELECT` lists them. */

/** The columns of a FactsRow, for a `SELECT` from account_facts aliased `f`. */
export const FACTS_COLUMNS = `f.company_id, f.name, f.owner_id, f.segment, f.mrr, f.renewal_date,
  f.churned_at, f.customer_since, f.expansion_seen, f.updated_at`;

interface FactsParams {
  portal: string;
  company_id: string;
  name: string | null;
  owner_id: string | null;
  segment: string | null;
  mrr: number | null;
  renewal_date: string | null;
  churned_at: string | null;
  customer_since: string | null;
  expansion_seen: string;
  updated_at: string;
}

/**
 * Upserts each company's facts in one statement; a read older than the saved one (a slower
 * process finishing late) changes nothing. The row lock ON CONFLICT takes and its WHERE,
 * evaluated against the row as committed, keep that true when two processes write one company
 * at once: whichever commits last, the later read stays.
 */
export async function putAccountFactsRows(
  q: Queryable,
  rows: readonly AccountFactsRecord[],
): Promise<void> {
  if (rows.length === 0) return;
  // Every row is checked before anything is written, as SQLite's transaction would refuse the
  // whole batch, even a row a later read of its company replaces.
  const params = rows.map(toParams);
  await q.query(
    `INSERT INTO account_facts (portal, company_id, name, owner_id, segment, mrr, renewal_date,
       churned_at, customer_since, expansion_seen, updated_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(portal text, company_id text, name text,
       owner_id text, segment text, mrr double precision, renewal_date text, churned_at text,
       customer_since text, expansion_seen text, updated_at text)
     ON CONFLICT (portal, company_id) DO UPDATE SET name = excluded.name,
       owner_id = excluded.owner_id, segment = excluded.segment, mrr = excluded.mrr,
       renewal_date = excluded.renewal_date, churned_at = excluded.churned_at,
       customer_since = excluded.customer_since, expansion_seen = excluded.expansion_seen,
       updated_at = excluded.updated_at
     WHERE excluded.updated_at >= account_facts.updated_at`,
    [JSON.stringify(inLockOrder(latestPerCompany(params), (row) => [row.portal, row.company_id]))],
  );
}

/** Every company of the portal a run has read, in company order. */
export async function accountFactsRows(
  q: Queryable,
  portal: string,
): Promise<AccountFactsRecord[]> {
  const { rows } = await q.query<FactsRow>({
    text: `SELECT ${FACTS_COLUMNS} FROM account_facts AS f WHERE f.portal = $1
           ORDER BY f.company_id`,
    values: [portal],
    rowMode: 'array',
  });
  return rows.map((row) => factsOf(portal, row));
}

function toParams(row: AccountFactsRecord): FactsParams {
  const instant = (value: string | null, field: string) =>
    value === null ? null : isoInstant(value, field);
  return {
    portal: row.portal,
    company_id: row.companyId,
    name: row.name,
    owner_id: row.ownerId,
    segment: row.segment,
    mrr: row.mrr,
    renewal_date: row.renewalDate,
    churned_at: instant(row.churnedAt, 'churnedAt'),
    customer_since: instant(row.customerSince, 'customerSince'),
    expansion_seen: JSON.stringify(row.expansionSeen),
    updated_at: isoInstant(row.updatedAt, 'updatedAt'),
  };
}

// One INSERT … ON CONFLICT cannot touch a row twice: of a company given twice, the later one in
// the list wins unless it was read earlier, as it would row by row (times compare as text, as the
// statement's WHERE compares them).
function latestPerCompany(rows: readonly FactsParams[]): FactsParams[] {
  const kept = new Map<string, FactsParams>();
  for (const row of rows) {
    const key = `${row.portal}\u0000${row.company_id}`;
    const known = kept.get(key);
    if (!known || row.updated_at >= known.updated_at) kept.set(key, row);
  }
  return [...kept.values()];
}
