import type Database from 'better-sqlite3';
import { isoInstant } from './iso-instant.ts';
import type { AccountFactsRecord } from './store.ts';

interface FactsRow {
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

/** What runs last read of each company, on SQLite: synchronous, so `commitPage` can compose it. */
export function sqliteAccountFacts(db: Database.Database) {
  // A read older than the saved one (a slower process finishing late) changes nothing.
  const upsert = db.prepare(`
    INSERT INTO account_facts (portal, company_id, name, owner_id, segment, mrr, renewal_date,
      churned_at, customer_since, expansion_seen, updated_at)
    VALUES (@portal, @companyId, @name, @ownerId, @segment, @mrr, @renewalDate, @churnedAt,
      @customerSince, @expansionSeen, @updatedAt)
    ON CONFLICT (portal, company_id) DO UPDATE SET name = excluded.name,
      owner_id = excluded.owner_id, segment = excluded.segment, mrr = excluded.mrr,
      renewal_date = excluded.renewal_date, churned_at = excluded.churned_at,
      customer_since = excluded.customer_since, expansion_seen = excluded.expansion_seen,
      updated_at = excluded.updated_at
    WHERE excluded.updated_at >= account_facts.updated_at`);
  const list = db.prepare<{ portal: string }, FactsRow>(
    'SELECT * FROM account_facts WHERE portal = @portal ORDER BY company_id',
  );

  return {
    put: db.transaction((rows: readonly AccountFactsRecord[]) => {
      for (const row of rows) upsert.run(toParams(row));
    }),
    list(portal: string): AccountFactsRecord[] {
      return list.all({ portal }).map(toRecord);
    },
  };
}

function toParams(row: AccountFactsRecord) {
  const instant = (value: string | null, field: string) =>
    value === null ? null : isoInstant(value, field);
  return {
    portal: row.portal,
    companyId: row.companyId,
    name: row.name,
    ownerId: row.ownerId,
    segment: row.segment,
    mrr: row.mrr,
    renewalDate: row.renewalDate,
    churnedAt: instant(row.churnedAt, 'churnedAt'),
    customerSince: instant(row.customerSince, 'customerSince'),
    expansionSeen: JSON.stringify(row.expansionSeen),
    updatedAt: isoInstant(row.updatedAt, 'updatedAt'),
  };
}

function toRecord(row: FactsRow): AccountFactsRecord {
  return {
    portal: row.portal,
    companyId: row.company_id,
    name: row.name,
    ownerId: row.owner_id,
    segment: row.segment,
    mrr: row.mrr,
    renewalDate: row.renewal_date,
    churnedAt: row.churned_at,
    customerSince: row.customer_since,
    expansionSeen:
      row.expansion_seen === '{}'
        ? {}
        : (JSON.parse(row.expansion_seen) as AccountFactsRecord['expansionSeen']),
    updatedAt: row.updated_at,
  };
}
