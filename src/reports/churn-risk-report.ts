import { daysUntil } from '../plays/local-time.ts';
import { churnedBy } from './account-at.ts';
import { QUEUED } from './alert-queue.ts';
import { filterAccounts, reportSegment } from './filter-accounts.ts';
import type {
  AccountDriver,
  AccountPlay,
  PortfolioAccount,
  ReportContext,
  ReportFilter,
  TierInfo,
} from './report-input.ts';
import { reportTiers, tierPositions } from './report-tiers.ts';
import { percentOf, tally, type Tally } from './tally.ts';

export interface RiskRow {
  companyId: string;
  name: string | null;
  ownerId: string | null;
  segment: string | null;
  tier: string;
  score: number | null;
  change7d: number | null;
  mrr: number | null;
  drivers: AccountDriver[];
  /** Plays in hand: to do, a task, held by the daily limit, or contacts in a sequence. */
  openPlays: AccountPlay[];
  renewalDate: string | null;
  daysToRenewal: number | null;
}

export interface ChurnRiskReport {
  kind: 'churn-risk';
  asOf: string;
  filter: ReportFilter;
  tiers: TierInfo[];
  /** The two worst tiers of the model, worst last (at risk and critical in retention-os). */
  riskTiers: string[];
  byTier: (Tally & { tier: string; label: string })[];
  total: Tally;
  /** The MRR at risk as a share of all customers' MRR, in percent. */
  mrrShare: number | null;
  /** Without any play in hand: nobody is working on them. */
  withoutPlay: Tally;
  /** Most MRR first. */
  rows: RiskRow[];
}

/** The customers in the two worst tiers, by MRR, with why and what is being done. */
export function churnRiskReport(
  accounts: readonly PortfolioAccount[],
  context: ReportContext,
): ChurnRiskReport {
  const asOf = context.asOf.getTime();
  const active = filterAccounts(accounts, context.filter).filter((a) => !churnedBy(a, asOf));
  const { atRisk, worst } = tierPositions(context.tiers);
  const riskTiers = [atRisk, worst].filter((t) => t !== null);
  const rows = active
    .filter((a) => riskTiers.includes(a.tier))
    .sort((a, b) => (b.mrr ?? 0) - (a.mrr ?? 0) || (a.score ?? 0) - (b.score ?? 0))
    .map((a) => row(a, context));
  const total = tally(rows);
  return {
    kind: 'churn-risk',
    asOf: context.asOf.toISOString(),
    filter: context.filter ?? {},
    tiers: reportTiers(context.tiers),
    riskTiers,
    byTier: riskTiers.map((tier) => ({
      tier,
      label: context.tiers.find((t) => t.key === tier)!.label,
      ...tally(rows.filter((r) => r.tier === tier)),
    })),
    total,
    mrrShare: percentOf(total.mrr, tally(active).mrr),
    withoutPlay: tally(rows.filter((r) => r.openPlays.length === 0)),
    rows,
  };
}

function row(a: PortfolioAccount, context: ReportContext): RiskRow {
  return {
    companyId: a.companyId,
    name: a.name,
    ownerId: a.ownerId,
    segment: reportSegment(a),
    tier: a.tier,
    score: a.score,
    change7d: a.change7d,
    mrr: a.mrr,
    drivers: [...a.drivers],
    openPlays: a.plays.filter((p) => QUEUED.has(p.status) || p.status === 'enrolled'),
    renewalDate: a.renewalDate,
    daysToRenewal: a.renewalDate ? daysUntil(a.renewalDate, context.asOf, context.timeZone) : null,
  };
}
