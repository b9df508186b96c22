import type { OpenTracks } from '../plays/play-types.ts';
import { recentEvent } from '../plays/recent-event.ts';
import type { AccountPlay, PortfolioAccount, ScorePoint } from '../reports/report-input.ts';
import { UNKNOWN_TIER } from '../scoring/score-account.ts';
import type { AccountFactsRecord, LedgerEntry } from '../store/store.ts';
import { cardPlays } from './card-plays.ts';
import type { StatusClock } from './play-status.ts';
import { renewalStepOf } from './renewal-step-of.ts';
import type { ReportCard } from './report-card.ts';
import { winBackOf } from './win-back-of.ts';

/** What the store holds of one company, for the reports. */
export interface StoredAccount {
  facts: AccountFactsRecord;
  /** The card as the reports read it (its digest); null when there is none they can read. */
  card: ReportCard | null;
  history: readonly ScorePoint[];
  /** Newest first. */
  ledger: readonly LedgerEntry[];
  tracks: OpenTracks | undefined;
}

/** One company as the reports read it: facts, the card as the CSM sees it, and the ledger. */
export function portfolioAccount(stored: StoredAccount, clock: StatusClock): PortfolioAccount {
  const { facts, card, ledger } = stored;
  const tier = card?.tier.key ?? UNKNOWN_TIER;
  return {
    companyId: facts.companyId,
    name: facts.name,
    ownerId: facts.ownerId,
    segment: facts.segment,
    mrr: facts.mrr,
    tier,
    score: card?.score ?? null,
    coverage: card?.coverage ?? 0,
    change7d: card?.change7d ?? null,
    history: stored.history,
    renewalDate: facts.renewalDate,
    renewalStep: renewalStepOf(stored.tracks),
    churnedAt: facts.churnedAt,
    winBack: winBackOf(ledger),
    // Without plays or ledger there is nothing to list, not even a lately completed track.
    plays:
      card && (card.plays.length > 0 || ledger.length > 0)
        ? accountPlays(card, ledger, clock)
        : NONE,
    drivers: topDrivers(card),
    expansionSignals: growingNow(facts, clock),
  };
}

function accountPlays(
  card: ReportCard,
  ledger: readonly LedgerEntry[],
  clock: StatusClock,
): AccountPlay[] {
  return cardPlays(card.plays, ledger, clock).map((play) => ({
    id: play.id,
    title: play.title,
    trigger: play.why,
    priority: play.priority,
    ownerId: play.ownerId,
    dueAt: play.dueAt,
    status: play.status,
  }));
}

// Shared by every account that has none: a book of 100,000 makes no 100,000 empty lists.
const NONE: readonly never[] = Object.freeze([]);

/** The card's top three drivers (a card saves no more than three). */
function topDrivers(card: ReportCard | null): readonly ReportCard['drivers'][number][] {
  if (!card || card.drivers.length === 0) return NONE;
  return card.drivers.length <= 3 ? card.drivers : card.drivers.slice(0, 3);
}

/** The growth signals a property reported lately, as the expansion plays count them. */
function growingNow(facts: AccountFactsRecord, clock: StatusClock) {
  const zone = clock.timeZone ?? 'UTC';
  const seen = Object.entries(facts.expansionSeen);
  if (seen.length === 0) return NONE;
  return seen.flatMap(([signal, at]) =>
    'episode' in recentEvent(at, clock.now, zone)
      ? [signal as keyof AccountFactsRecord['expansionSeen']]
      : [],
  );
}
