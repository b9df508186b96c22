import { churnRiskReport } from '../reports/churn-risk-report.ts';
import { expansionReport } from '../reports/expansion-report.ts';
import { portfolioReport } from '../reports/portfolio-report.ts';
import { reactivationReport } from '../reports/reactivation-report.ts';
import { renewalsReport } from '../reports/renewals-report.ts';
import type {
  MrrHistory,
  PortfolioAccount,
  ReportFilter,
  TierInfo,
} from '../reports/report-input.ts';
import { reportPeriod } from '../reports/report-period.ts';
import type { Report, ReportName } from '../reports/report-sections.ts';
import { retentionReport } from '../reports/retention-report.ts';
import { TREND_WEEKS } from '../reports/score-trend.ts';
import { WIN_BACK_DAYS } from '../reports/win-back-stage.ts';
import type { Store } from '../store/store.ts';
import {
  portfolioAccounts,
  portfolioMrrHistory,
  type AccountParts,
  type PortfolioReader,
} from './portfolio-accounts.ts';

export interface ReportRequest {
  name: ReportName;
  filter: ReportFilter;
  /** The retention report's period: YYYY-MM-DD, both ends included. */
  period: { from: string; to: string };
}

export interface ReportSettings {
  asOf: Date;
  /** The portal's time zone (plays.timeZone). */
  timeZone: string;
  tiers: readonly TierInfo[];
  /** Whether plays are on: held tasks are released only then. */
  playsOn: boolean;
}

const DAY_MS = 86_400_000;

/** What each report reads: no more than it shows, so a report of 100,000 accounts stays quick. */
const PARTS: Record<ReportName, AccountParts> = {
  portfolio: { cards: true, drivers: false, weeks: TREND_WEEKS, ledger: true, tracks: false },
  // The 4-week change needs the readings of 4 weeks back.
  renewals: { cards: true, drivers: false, weeks: 5, ledger: true, tracks: true },
  'churn-risk': { cards: true, drivers: true, weeks: 0, ledger: true, tracks: false },
  expansion: { cards: true, drivers: false, weeks: 0, ledger: true, tracks: false },
  reactivation: { cards: false, drivers: false, weeks: 0, ledger: true, tracks: false },
  retention: { cards: false, drivers: false, weeks: 0, ledger: false, tracks: false },
};

type Reader = PortfolioReader & Pick<Store, 'mrrHistory' | 'npsAnswers'>;

/** One report of the portal, from the store alone, and how many accounts the store holds. */
export async function buildReport(
  store: Reader,
  portal: string,
  request: ReportRequest,
  settings: ReportSettings,
): Promise<{ report: Report; accounts: number }> {
  const clock = { now: settings.asOf, timeZone: settings.playsOn ? settings.timeZone : null };
  const accounts = await portfolioAccounts(store, portal, clock, PARTS[request.name]);
  const report = await reportOf(store, portal, request, settings, accounts);
  return { report, accounts: accounts.length };
}

async function reportOf(
  store: Reader,
  portal: string,
  request: ReportRequest,
  settings: ReportSettings,
  accounts: PortfolioAccount[],
): Promise<Report> {
  const context = {
    asOf: settings.asOf,
    timeZone: settings.timeZone,
    tiers: settings.tiers,
    filter: request.filter,
  };
  switch (request.name) {
    case 'portfolio':
      return portfolioReport(accounts, context);
    case 'renewals':
      return renewalsReport(accounts, context);
    case 'churn-risk':
      return churnRiskReport(accounts, context);
    case 'expansion':
      return expansionReport(accounts, context);
    case 'reactivation': {
      const from = new Date(settings.asOf.getTime() - (WIN_BACK_DAYS + 1) * DAY_MS);
      const history = await portfolioMrrHistory(store, portal, { from, to: settings.asOf });
      return reactivationReport(
        accounts.map((a) => paidWhenChurned(a, history)),
        context,
        history,
      );
    }
    case 'retention': {
      const { from, to } = request.period;
      const period = reportPeriod(from, to);
      const history = await portfolioMrrHistory(store, portal, {
        from: new Date(period.start),
        to: new Date(period.end),
      });
      const ratings = await store.npsAnswers(portal, new Date(period.end).toISOString());
      return retentionReport({ accounts, history, ratings, from, to }, request.filter);
    }
  }
}

/**
 * HubSpot often zeroes a churned account's MRR; what it paid when it left is then its last paid
 * MRR in the history, when Vitals recorded one.
 */
function paidWhenChurned(account: PortfolioAccount, history: MrrHistory): PortfolioAccount {
  if (!account.churnedAt || (account.mrr ?? 0) > 0) return account;
  const churned = Date.parse(account.churnedAt);
  const paid = (history[account.companyId] ?? []).filter(
    (p) => p.mrr > 0 && Date.parse(p.at) <= churned,
  );
  return paid.length === 0 ? account : { ...account, mrr: paid.at(-1)!.mrr };
}
