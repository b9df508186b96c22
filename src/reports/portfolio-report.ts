import { churnedBy } from './account-at.ts';
import { alertQueue, type AlertRow } from './alert-queue.ts';
import { filterAccounts } from './filter-accounts.ts';
import { movers, type Mover } from './movers.ts';
import type { PortfolioAccount, ReportContext, ReportFilter, TierInfo } from './report-input.ts';
import { reportTiers } from './report-tiers.ts';
import { currentAverage, scoreTrend, type TrendPoint } from './score-trend.ts';
import { percentOf, tally, type Tally } from './tally.ts';

export interface TierShare extends Tally {
  tier: string;
  label: string;
  /** Share of the accounts and of the MRR, in percent to one decimal. */
  accountShare: number | null;
  mrrShare: number | null;
}

export interface PortfolioReport {
  kind: 'portfolio';
  asOf: string;
  /** The portal's time zone: due times and churn dates are shown as its dates. */
  timeZone: string;
  filter: ReportFilter;
  tiers: TierInfo[];
  /** Accounts that are customers now (churned ones are in the reactivation report). */
  total: Tally;
  /** Customers whose MRR is unknown: counted as 0 in every MRR figure. */
  withoutMrr: Tally;
  byTier: TierShare[];
  averageScore: { value: number | null; ids: string[] };
  /** Weekly averages, oldest first; the last is `averageScore`. */
  trend: TrendPoint[];
  /** Change of the average over the trend's 13 weeks and over the last week. */
  trendChange: { weeks: number | null; week: number | null };
  movers: { up: Mover[]; down: Mover[] };
  alerts: AlertRow[];
}

/** The CS leader's weekly view of the book: where the MRR sits, how health moves, what is open. */
export function portfolioReport(
  accounts: readonly PortfolioAccount[],
  context: ReportContext,
): PortfolioReport {
  const asOf = context.asOf.getTime();
  const kept = filterAccounts(accounts, context.filter);
  const active = kept.filter((a) => !churnedBy(a, asOf));
  const total = tally(active);
  const tiers = reportTiers(context.tiers);
  const byTier = tiers.map((t): TierShare => {
    const row = tally(active.filter((a) => a.tier === t.key));
    return {
      tier: t.key,
      label: t.label,
      ...row,
      accountShare: percentOf(row.accounts, total.accounts),
      mrrShare: percentOf(row.mrr, total.mrr),
    };
  });
  const trend = scoreTrend(kept, context.asOf, context.timeZone);
  const current = currentAverage(active);
  return {
    kind: 'portfolio',
    asOf: context.asOf.toISOString(),
    timeZone: context.timeZone,
    filter: context.filter ?? {},
    tiers,
    total,
    withoutMrr: tally(active.filter((a) => a.mrr === null)),
    byTier,
    averageScore: { value: current.average, ids: current.ids },
    trend,
    trendChange: {
      weeks: difference(trend[0], trend.at(-1)),
      week: difference(trend.at(-2), trend.at(-1)),
    },
    movers: movers(active),
    alerts: alertQueue(active),
  };
}

function difference(from: TrendPoint | undefined, to: TrendPoint | undefined): number | null {
  const start = from?.average ?? null;
  const end = to?.average ?? null;
  if (start === null || end === null) return null;
  return Math.round((end - start) * 10) / 10;
}
