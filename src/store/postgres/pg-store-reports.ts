import type pg from 'pg';
import type { Store } from '../store.ts';
import { accountFactsRows, putAccountFactsRows } from './pg-account-facts.ts';
import { appendMrrRows, latestMrrRows, mrrHistoryRows } from './pg-mrr-history.ts';
import { latestNpsRows } from './pg-nps-answers.ts';
import { portfolioViewRow, putPortfolioViewRow } from './pg-portfolio-view.ts';
import { pgReportAccounts, type ReportAccountsDeps } from './pg-report-accounts.ts';
import { putSignalSnapshotRows, signalSnapshotPages, snapshotSpan } from './pg-signal-snapshots.ts';

export type ReportsPart = Pick<
  Store,
  | 'putAccountFacts'
  | 'accountFacts'
  | 'npsAnswers'
  | 'appendMrr'
  | 'latestMrr'
  | 'mrrHistory'
  | 'reportAccounts'
  | 'putSignalSnapshots'
  | 'signalSnapshots'
  | 'snapshotMonths'
  | 'putPortfolioView'
  | 'portfolioView'
>;

/**
 * On PostgreSQL: the reports' records: facts, MRR history, NPS answers, report accounts, signal
 * snapshots, the home page's view. `deps` gives the weekly scores, which the scores part reads.
 */
export function pgReportsPart(
  pool: pg.Pool,
  now: () => Date,
  deps: ReportAccountsDeps,
): ReportsPart {
  void now;
  const reportAccounts = pgReportAccounts(pool, deps);
  return {
    putAccountFacts: (rows) => putAccountFactsRows(pool, rows),
    accountFacts: (portal) => accountFactsRows(pool, portal),
    npsAnswers: (portal, until) => latestNpsRows(pool, portal, until),
    appendMrr: (rows) => appendMrrRows(pool, rows),
    latestMrr: (portal, ids) => latestMrrRows(pool, portal, ids),
    mrrHistory: (portal, period) => mrrHistoryRows(pool, portal, period),
    reportAccounts: (portal, read, map) => reportAccounts(portal, read, map),
    putSignalSnapshots: (rows) => putSignalSnapshotRows(pool, rows),
    signalSnapshots: (portal, range) => signalSnapshotPages(pool, portal, range),
    snapshotMonths: (portal) => snapshotSpan(pool, portal),
    putPortfolioView: (portal, view, at) => putPortfolioViewRow(pool, portal, view, at),
    portfolioView: (portal) => portfolioViewRow(pool, portal),
  };
}
