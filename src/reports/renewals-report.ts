import { daysUntil } from '../plays/local-time.ts';
import { TRACK_PLAY } from '../plays/track-ids.ts';
import { changeOver, churnedBy } from './account-at.ts';
import { filterAccounts, reportSegment } from './filter-accounts.ts';
import {
  FORECAST_LABELS,
  FORECASTS,
  forecastRenewal,
  forecastRule,
  type Forecast,
} from './renewal-forecast.ts';
import type {
  PlayStatus,
  PortfolioAccount,
  RenewalStep,
  ReportContext,
  ReportFilter,
  TierInfo,
} from './report-input.ts';
import { reportTiers } from './report-tiers.ts';
import { tally, type Tally } from './tally.ts';

/** Renewals by how far away they are: 0–30, 31–60, 61–90 and 91–120 days. */
export const RENEWAL_WINDOWS = [
  { key: '30', label: 'Next 30 days', fromDay: 0, toDay: 30 },
  { key: '60', label: 'In 31–60 days', fromDay: 31, toDay: 60 },
  { key: '90', label: 'In 61–90 days', fromDay: 61, toDay: 90 },
  { key: '120', label: 'In 91–120 days', fromDay: 91, toDay: 120 },
] as const;

export interface RenewalRow {
  companyId: string;
  name: string | null;
  ownerId: string | null;
  segment: string | null;
  renewalDate: string;
  daysToGo: number;
  window: (typeof RENEWAL_WINDOWS)[number]['key'];
  mrr: number | null;
  tier: string;
  score: number | null;
  /** Score points over the last 4 weeks. */
  change4w: number | null;
  coverage: number;
  /** Where the renewal timeline is, and the status of its task. */
  step: RenewalStep | null;
  taskStatus: PlayStatus | null;
  churned: boolean;
  forecast: Forecast;
  forecastReason: string;
}

export interface RenewalsReport {
  kind: 'renewals';
  asOf: string;
  filter: ReportFilter;
  tiers: TierInfo[];
  /** The MRR up for renewal in each window; together they make `total`. */
  windows: (Tally & { key: string; label: string; fromDay: number; toDay: number })[];
  total: Tally;
  forecast: (Tally & { forecast: Forecast; label: string })[];
  /** How each renewal's forecast is decided, in words. */
  forecastRule: string[];
  /** Soonest first, then most MRR. */
  rows: RenewalRow[];
}

const LAST_DAY = RENEWAL_WINDOWS.at(-1)!.toDay;

/** What renews in the next 120 days, the MRR at stake, and the forecast of each renewal. */
export function renewalsReport(
  accounts: readonly PortfolioAccount[],
  context: ReportContext,
): RenewalsReport {
  const asOf = context.asOf.getTime();
  const tiers = reportTiers(context.tiers);
  const rows = filterAccounts(accounts, context.filter)
    .flatMap((a) => {
      const days = a.renewalDate ? daysUntil(a.renewalDate, context.asOf, context.timeZone) : null;
      return days === null || days < 0 || days > LAST_DAY
        ? []
        : [row(a, days, asOf, context.tiers)];
    })
    .sort((a, b) => a.daysToGo - b.daysToGo || (b.mrr ?? 0) - (a.mrr ?? 0));
  return {
    kind: 'renewals',
    asOf: context.asOf.toISOString(),
    filter: context.filter ?? {},
    tiers,
    windows: RENEWAL_WINDOWS.map((w) => ({
      ...w,
      ...tally(rows.filter((r) => r.window === w.key)),
    })),
    total: tally(rows),
    forecast: FORECASTS.map((f) => ({
      forecast: f,
      label: FORECAST_LABELS[f],
      ...tally(rows.filter((r) => r.forecast === f)),
    })),
    forecastRule: forecastRule(context.tiers),
    rows,
  };
}

function row(
  a: PortfolioAccount,
  daysToGo: number,
  asOf: number,
  tiers: readonly TierInfo[],
): RenewalRow {
  const churned = churnedBy(a, asOf);
  const { forecast, reason } = forecastRenewal({ tier: a.tier, churned, daysToGo }, tiers);
  return {
    companyId: a.companyId,
    name: a.name,
    ownerId: a.ownerId,
    segment: reportSegment(a),
    renewalDate: a.renewalDate!,
    daysToGo,
    window: RENEWAL_WINDOWS.find((w) => daysToGo <= w.toDay)!.key,
    mrr: a.mrr,
    tier: a.tier,
    score: a.score,
    change4w: changeOver(a, 28, asOf),
    coverage: a.coverage,
    step: a.renewalStep,
    taskStatus: a.plays.find((p) => p.id === TRACK_PLAY.renewal.id)?.status ?? null,
    churned,
    forecast,
    forecastReason: reason,
  };
}
