import type { MrrHistory, PortfolioAccount } from '../reports/report-input.ts';
import type { LedgerEntry, Store } from '../store/store.ts';
import type { StatusClock } from './play-status.ts';
import { portfolioAccount } from './portfolio-account.ts';
import { readReportCard } from './report-card.ts';

/** What a report reads besides the facts; each part is one pass over the whole portal. */
export interface AccountParts {
  /** The cards: score, tier, plays. */
  cards: boolean;
  /** With the cards, what costs each account the most points. */
  drivers: boolean;
  /** Weekly scores over this many weeks (0: none). */
  weeks: number;
  /** The ledger: each play's status and the win-back enrolments. */
  ledger: boolean;
  /** The open tracks: where each renewal timeline is. */
  tracks: boolean;
}

export type PortfolioReader = Pick<Store, 'reportAccounts' | 'ledgerByCompany'>;

/**
 * Every company a run has read, as the reports take it, from the store alone (no HubSpot call):
 * the facts, the latest card, each play's status from the ledger as the card shows it, the
 * renewal step, the win-back enrolment and the weekly scores.
 */
export async function portfolioAccounts(
  store: PortfolioReader,
  portal: string,
  clock: StatusClock,
  parts: AccountParts,
): Promise<PortfolioAccount[]> {
  const ledgers = parts.ledger
    ? await store.ledgerByCompany(portal)
    : new Map<string, LedgerEntry[]>();
  const read = { ...parts, until: clock.now.toISOString() };
  return store.reportAccounts(portal, read, (row) =>
    portfolioAccount(
      {
        facts: row.facts,
        card: row.card ? readReportCard(row.card) : null,
        history: row.weekly,
        ledger: ledgers.get(row.facts.companyId) ?? [],
        tracks: row.tracks,
      },
      clock,
    ),
  );
}

/** The MRR history of every company, or just what a period needs (see Store.mrrHistory). */
export async function portfolioMrrHistory(
  store: Pick<Store, 'mrrHistory'>,
  portal: string,
  period?: { from: Date; to: Date },
): Promise<MrrHistory> {
  const range = period && { from: period.from.toISOString(), to: period.to.toISOString() };
  return Object.fromEntries(await store.mrrHistory(portal, range));
}
