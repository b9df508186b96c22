import { segmentByMrr } from '../plays/account-segment.ts';
import { SEGMENTS } from '../scoring/model-schema.ts';
import type { PortfolioAccount, ReportFilter } from './report-input.ts';

/** The account's segment as the plays see it: its own when known, else by MRR. */
export function reportSegment(account: Pick<PortfolioAccount, 'segment' | 'mrr'>): string | null {
  return SEGMENTS.find((s) => s === account.segment) ?? segmentByMrr(account.mrr);
}

/** The accounts the filter keeps; every figure of a report is computed from these only. */
export function filterAccounts<A extends Pick<PortfolioAccount, 'ownerId' | 'segment' | 'mrr'>>(
  accounts: readonly A[],
  filter: ReportFilter = {},
): A[] {
  return accounts.filter(
    (a) =>
      (filter.owner === undefined || a.ownerId === filter.owner) &&
      (filter.segment === undefined || reportSegment(a) === filter.segment),
  );
}
