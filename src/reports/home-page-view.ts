import {
  HOME_PAGE_VIEW_VERSION,
  type AlertRow,
  type HomePageView,
  type RenewalRow,
  type RetentionPeriod,
} from '../../extensions/app/pages/home-page-contract.ts';
import type { AlertRow as QueuedPlay } from './alert-queue.ts';
import { lastFullPeriods, type CalendarPeriod } from './last-full-periods.ts';
import { portfolioReport } from './portfolio-report.ts';
import type { Forecast } from './renewal-forecast.ts';
import { renewalsReport, RENEWAL_WINDOWS, type RenewalsReport } from './renewals-report.ts';
import type { MrrHistory, PortfolioAccount, ReportContext } from './report-input.ts';
import { retentionReport } from './retention-report.ts';
import type { Tally } from './tally.ts';

/**
 * Rows per list on the page. The totals count every row; the lists stop here so the view stays
 * a few tens of kilobytes at 100,000 companies (hubspot.fetch answers are capped at 1 MB).
 */
export const HOME_PAGE_ROWS = 50;

export interface HomePageContext extends ReportContext {
  /** Owner id → name, when the run knows them; the page shows the id otherwise. */
  owners?: Readonly<Record<string, string>>;
}

/** The app home page's view of the book, from the same reports the `vitals report` commands print. */
export function homePageView(
  accounts: readonly PortfolioAccount[],
  history: MrrHistory,
  context: HomePageContext,
): HomePageView {
  const portfolio = portfolioReport(accounts, context);
  const renewals = renewalsReport(accounts, context);
  const periods = lastFullPeriods(context.asOf, context.timeZone);
  const ownerOf = (ownerId: string | null) => ({
    ownerId,
    ownerName: ownerId === null ? null : (context.owners?.[ownerId] ?? null),
  });
  const retention = (period: CalendarPeriod) => retentionPeriod(accounts, history, period, context);
  return {
    version: HOME_PAGE_VIEW_VERSION,
    asOf: portfolio.asOf,
    timeZone: context.timeZone,
    total: amount(portfolio.total),
    withoutMrr: portfolio.withoutMrr.accounts,
    tiers: portfolio.byTier.map((row) => ({
      key: row.tier,
      label: row.label,
      color: portfolio.tiers.find((t) => t.key === row.tier)!.color,
      ...amount(row),
      accountShare: row.accountShare,
      mrrShare: row.mrrShare,
    })),
    averageScore: portfolio.averageScore.value,
    trend: portfolio.trend.map(({ weekEnding, average }) => ({ weekEnding, average })),
    trendChange: portfolio.trendChange,
    // The store's runs know when the model changed; savePortfolioView adds them.
    modelChanges: [],
    renewals: {
      days: RENEWAL_WINDOWS.at(-1)!.toDay,
      total: amount(renewals.total),
      windows: renewals.windows.map((w) => ({ key: w.key, label: w.label, ...amount(w) })),
      forecast: renewals.forecast.map((f) => ({
        forecast: f.forecast,
        label: f.label,
        ...amount(f),
      })),
      forecastRule: renewals.forecastRule,
      rows: needingAttentionFirst(renewals.rows)
        .slice(0, HOME_PAGE_ROWS)
        .map((r): RenewalRow => ({
          companyId: r.companyId,
          name: r.name,
          ...ownerOf(r.ownerId),
          renewalDate: r.renewalDate,
          daysToGo: r.daysToGo,
          mrr: r.mrr,
          tier: r.tier,
          score: r.score,
          forecast: r.forecast,
          forecastReason: r.forecastReason,
        })),
    },
    alerts: {
      total: portfolio.alerts.length,
      rows: portfolio.alerts.slice(0, HOME_PAGE_ROWS).map((a) => alertRow(a, ownerOf(a.ownerId))),
    },
    retention: { month: retention(periods.month), quarter: retention(periods.quarter) },
  };
}

const ATTENTION: Record<Forecast, number> = { lost: 0, 'at-risk': 1, likely: 2, committed: 3 };

/**
 * The page has room for the first rows only, so those are the renewals someone must act on:
 * lost and at risk first, each group soonest first, then by MRR (the report's own order).
 */
function needingAttentionFirst(rows: RenewalsReport['rows']): RenewalsReport['rows'] {
  return rows
    .map((row, order) => ({ row, order }))
    .sort((a, b) => ATTENTION[a.row.forecast] - ATTENTION[b.row.forecast] || a.order - b.order)
    .map(({ row }) => row);
}

function alertRow(a: QueuedPlay, owner: Pick<AlertRow, 'ownerId' | 'ownerName'>): AlertRow {
  if (a.status !== 'open' && a.status !== 'task-created' && a.status !== 'held')
    throw new Error(`The alert queue holds a play that waits on no one: ${a.status}`);
  return {
    companyId: a.companyId,
    name: a.name,
    tier: a.tier,
    score: a.score,
    change7d: a.change7d,
    mrr: a.mrr,
    play: a.play,
    trigger: a.trigger,
    priority: a.priority,
    ...owner,
    dueAt: a.dueAt,
    status: a.status,
  };
}

function retentionPeriod(
  accounts: readonly PortfolioAccount[],
  history: MrrHistory,
  period: CalendarPeriod,
  context: ReportContext,
): RetentionPeriod {
  const report = retentionReport(
    { accounts, history, from: period.from, to: period.to },
    context.filter,
  );
  return {
    ...period,
    startsAt: report.startsAt,
    notes: report.notes,
    start: amount(report.start),
    expansion: amount(report.expansion),
    contraction: amount(report.contraction),
    churn: amount(report.churn),
    newMrr: amount(report.newMrr),
    nrr: report.nrr.percent,
    grr: report.grr.percent,
    logoChurn: {
      lost: report.logoChurn.lost,
      start: report.logoChurn.start,
      percent: report.logoChurn.percent,
    },
  };
}

/** A tally without its ids: the page shows counts, and ids would grow with the portal. */
function amount(tally: Tally): { accounts: number; mrr: number } {
  return { accounts: tally.accounts, mrr: tally.mrr };
}
