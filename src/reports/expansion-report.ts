import type { ExpansionSignal } from '../plays/play-types.ts';
import { TRACK_PLAY } from '../plays/track-ids.ts';
import { churnedBy } from './account-at.ts';
import { QUEUED } from './alert-queue.ts';
import { filterAccounts, reportSegment } from './filter-accounts.ts';
import type {
  PlayStatus,
  PortfolioAccount,
  ReportContext,
  ReportFilter,
  TierInfo,
} from './report-input.ts';
import { reportTiers, tierPositions } from './report-tiers.ts';
import { tally, type Tally } from './tally.ts';

export const EXPANSION_SIGNAL_WORDS: Record<ExpansionSignal, string> = {
  usage_near_limit: 'Near the plan limit',
  new_use_case: 'New use case',
  team_growth: 'Team growing',
  success_milestone: 'Milestone reached',
};

export interface ExpansionRow {
  companyId: string;
  name: string | null;
  ownerId: string | null;
  segment: string | null;
  tier: string;
  score: number | null;
  mrr: number | null;
  signals: ExpansionSignal[];
  /** The expansion task's status and what set it off; null when none is open. */
  play: { status: PlayStatus; trigger: string } | null;
  /** Ready when in the best tier with no save work open (DOMAIN §7: only healthy accounts). */
  ready: boolean;
  why: string;
}

export interface ExpansionReport {
  kind: 'expansion';
  asOf: string;
  filter: ReportFilter;
  tiers: TierInfo[];
  ready: Tally;
  notYet: Tally;
  /** Ready first, then most MRR. */
  rows: ExpansionRow[];
}

/** Customers showing a growth signal or with an expansion task, and whether to talk growth now. */
export function expansionReport(
  accounts: readonly PortfolioAccount[],
  context: ReportContext,
): ExpansionReport {
  const asOf = context.asOf.getTime();
  const best = tierPositions(context.tiers).best;
  const rows = filterAccounts(accounts, context.filter)
    .filter((a) => !churnedBy(a, asOf))
    .flatMap((a) => {
      const play = a.plays.find((p) => p.id === TRACK_PLAY.expansion.id && QUEUED.has(p.status));
      if (!play && a.expansionSignals.length === 0) return [];
      return [row(a, play ? { status: play.status, trigger: play.trigger } : null, context, best)];
    })
    .sort((a, b) => Number(b.ready) - Number(a.ready) || (b.mrr ?? 0) - (a.mrr ?? 0));
  return {
    kind: 'expansion',
    asOf: context.asOf.toISOString(),
    filter: context.filter ?? {},
    tiers: reportTiers(context.tiers),
    ready: tally(rows.filter((r) => r.ready)),
    notYet: tally(rows.filter((r) => !r.ready)),
    rows,
  };
}

function row(
  a: PortfolioAccount,
  play: ExpansionRow['play'],
  context: ReportContext,
  best: string | null,
): ExpansionRow {
  const saving = a.plays.some((p) => p.id === TRACK_PLAY.save.id && QUEUED.has(p.status));
  const label = context.tiers.find((t) => t.key === a.tier)?.label ?? 'No data';
  const ready = a.tier === best && !saving;
  const why = saving
    ? 'Not yet: a save play is open'
    : ready
      ? `Ready: ${label}`
      : `Not yet: ${label}, not the best tier`;
  return {
    companyId: a.companyId,
    name: a.name,
    ownerId: a.ownerId,
    segment: reportSegment(a),
    tier: a.tier,
    score: a.score,
    mrr: a.mrr,
    signals: [...a.expansionSignals],
    play,
    ready,
    why,
  };
}
