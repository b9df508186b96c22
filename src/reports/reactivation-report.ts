import { churnedBy, DAY_MS } from './account-at.ts';
import { filterAccounts, reportSegment } from './filter-accounts.ts';
import type {
  MrrHistory,
  PortfolioAccount,
  ReportContext,
  ReportFilter,
  TierInfo,
  WinBack,
} from './report-input.ts';
import { reportTiers } from './report-tiers.ts';
import { tally, type Tally } from './tally.ts';
import { WIN_BACK_DAYS, winBackStage, type WinBackStage } from './win-back-stage.ts';
import { wonBack, type WonBackRow } from './won-back.ts';

export interface ReactivationRow {
  companyId: string;
  name: string | null;
  ownerId: string | null;
  segment: string | null;
  churnedAt: string;
  daysSinceChurn: number;
  /** What it paid when it left. */
  mrr: number | null;
  winBack: WinBack | null;
  stage: WinBackStage;
}

export interface ReactivationReport {
  kind: 'reactivation';
  asOf: string;
  /** The portal's time zone: due times and churn dates are shown as its dates. */
  timeZone: string;
  filter: ReportFilter;
  tiers: TierInfo[];
  /** Churned in the last year (the win-back window), and the MRR they paid. */
  churned: Tally;
  /** Of those, the ones whose contacts are in the win-back sequence. */
  inWinBack: Tally;
  notInWinBack: Tally;
  /** Accounts that paid again after a churn in the last year; null without an MRR history. */
  wonBack: (Tally & { rows: WonBackRow[] }) | null;
  /** Most MRR lost first. */
  rows: ReactivationRow[];
}

/** Churned accounts in their win-back year: where each is in the sequence, and who came back. */
export function reactivationReport(
  accounts: readonly PortfolioAccount[],
  context: ReportContext,
  history?: MrrHistory,
): ReactivationReport {
  const asOf = context.asOf.getTime();
  const kept = filterAccounts(accounts, context.filter);
  const rows = kept
    .flatMap((a): ReactivationRow[] => {
      if (!churnedBy(a, asOf)) return [];
      const days = Math.floor((asOf - Date.parse(a.churnedAt!)) / DAY_MS);
      if (days > WIN_BACK_DAYS) return [];
      return [
        {
          companyId: a.companyId,
          name: a.name,
          ownerId: a.ownerId,
          segment: reportSegment(a),
          churnedAt: a.churnedAt!,
          daysSinceChurn: days,
          mrr: a.mrr,
          winBack: a.winBack,
          stage: winBackStage(a.winBack, days),
        },
      ];
    })
    .sort((a, b) => (b.mrr ?? 0) - (a.mrr ?? 0) || b.churnedAt.localeCompare(a.churnedAt));
  const enrolled = (r: ReactivationRow) => r.winBack?.status === 'enrolled';
  const back = history ? wonBack(kept, history, asOf - WIN_BACK_DAYS * DAY_MS, asOf) : null;
  return {
    kind: 'reactivation',
    asOf: context.asOf.toISOString(),
    timeZone: context.timeZone,
    filter: context.filter ?? {},
    tiers: reportTiers(context.tiers),
    churned: tally(rows),
    inWinBack: tally(rows.filter(enrolled)),
    notInWinBack: tally(rows.filter((r) => !enrolled(r))),
    wonBack: back ? { ...tally(back), rows: back } : null,
    rows,
  };
}
