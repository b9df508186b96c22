import type { AccountFactsRecord } from './store.ts';

/** A company's facts as both stores read them for the reports: columns in this order, raw. */
export type FactsRow = [
  companyId: string,
  name: string | null,
  ownerId: string | null,
  segment: string | null,
  mrr: number | null,
  renewalDate: string | null,
  churnedAt: string | null,
  customerSince: string | null,
  expansionSeen: string,
  updatedAt: string,
];

/** A FactsRow (and whatever columns follow it) as the record it holds. */
export function factsOf(
  portal: string,
  row: readonly [...FactsRow, ...unknown[]],
): AccountFactsRecord {
  const [companyId, name, ownerId, segment, mrr, renewalDate, churnedAt, customerSince] = row;
  const [, , , , , , , , seen, updatedAt] = row;
  return {
    portal,
    companyId,
    name,
    ownerId,
    segment,
    mrr,
    renewalDate,
    churnedAt,
    customerSince,
    expansionSeen: seen === '{}' ? {} : (JSON.parse(seen) as AccountFactsRecord['expansionSeen']),
    updatedAt,
  };
}
