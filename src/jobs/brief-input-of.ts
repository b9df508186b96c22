import type { BriefInput, BriefPlay, BriefTier } from '../brief/brief-input.ts';
import { daysUntil } from '../plays/local-time.ts';
import type { AccountFacts, HistoryPoint } from '../plays/play-types.ts';
import { ruleById } from '../plays/rule-index.ts';
import { TRACK_PLAY } from '../plays/track-ids.ts';
import { forecastRenewal } from '../reports/renewal-forecast.ts';
import type { Explanation } from '../scoring/explain-score.ts';
import type { LedgerEntry, MrrReading, Store } from '../store/store.ts';
import { BASELINE_REASON } from './apply-plays.ts';

/** Where a brief's data comes from besides the scored company itself. */
export interface BriefSources {
  store: Pick<Store, 'scoreHistory' | 'ledgerForCompany' | 'openTracks'>;
  portal: string;
  timeZone: string;
  tiers: readonly BriefTier[];
  /** The company's MRR readings, oldest first. */
  mrrOf: (companyId: string) => Promise<readonly MrrReading[]>;
  /** The owner's name; null when HubSpot has none (the brief then shows the id). */
  ownerName?: (ownerId: string) => Promise<string | null>;
}

// Enough history for the 90-day trend and the reading before it.
const HISTORY_DAYS = 100;
const PLAYS_DAYS = 90;
const DAY_MS = 86_400_000;

/** Everything a brief says about one company, from HubSpot's facts and Vitals' own records. */
export async function briefInputOf(
  company: { facts: AccountFacts; explanation: Explanation },
  qbrDate: string | null,
  now: Date,
  sources: BriefSources,
): Promise<BriefInput> {
  const { facts, explanation } = company;
  const id = facts.companyId;
  const [history, ledger, tracks, mrr] = await Promise.all([
    sources.store.scoreHistory(sources.portal, id, HISTORY_DAYS),
    sources.store.ledgerForCompany(sources.portal, id),
    sources.store.openTracks(sources.portal, [id]),
    sources.mrrOf(id),
  ]);
  return {
    now,
    timeZone: sources.timeZone,
    account: facts,
    current: explanation,
    tiers: sources.tiers,
    history: history.map((h): HistoryPoint => ({
      scoredAt: h.scoredAt,
      score: h.score,
      tier: h.tier,
      dimensions: h.dimensions,
    })),
    tracks: tracks.get(id) ?? {},
    plays: recentPlays(ledger, now),
    mrrHistory: mrr.map((m) => ({ at: m.at, mrr: m.mrr })),
    renewal: renewalOf(facts, explanation.tier, now, sources),
    qbrDate,
    ownerName: facts.ownerId === null ? null : ((await sources.ownerName?.(facts.ownerId)) ?? null),
  };
}

function recentPlays(ledger: readonly LedgerEntry[], now: Date): BriefPlay[] {
  const since = new Date(now.getTime() - PLAYS_DAYS * DAY_MS).toISOString();
  return (
    ledger
      // What people were asked to do: not the notes Vitals wrote itself, nor what the first run
      // only recorded as already so.
      .filter((e) => e.createdAt >= since && (e.kind === 'task' || e.kind === 'enroll'))
      .filter((e) => !(e.status === 'skipped' && e.detail === BASELINE_REASON))
      // A manager's or account executive's copy is the same play as the owner's task.
      .filter((e) => !/:(manager|account-executive)$/.test(e.key))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((e) => ({
        ruleId: e.ruleId,
        title: titleOf(e.ruleId),
        kind: e.kind as BriefPlay['kind'],
        status: e.status === 'uncertain' ? 'intent' : e.status,
        at: e.createdAt,
        detail: e.detail,
      }))
  );
}

function titleOf(ruleId: string): string {
  const rule = ruleById(ruleId);
  if (rule) return rule.title;
  return Object.values(TRACK_PLAY).find((t) => t.id === ruleId)?.title ?? ruleId;
}

function renewalOf(
  facts: AccountFacts,
  tier: string,
  now: Date,
  sources: BriefSources,
): BriefInput['renewal'] {
  if (facts.renewalDate === null) return null;
  const daysToGo = daysUntil(facts.renewalDate, now, sources.timeZone);
  if (daysToGo === null) return null;
  // A date HubSpot still shows after it passed says nothing of the next renewal.
  if (daysToGo < 0)
    return {
      date: facts.renewalDate,
      daysToGo,
      forecast: 'Unknown',
      reason:
        'the date has passed: once the renewal is signed, set the next renewal date in HubSpot',
    };
  const { forecast, reason } = forecastRenewal(
    { tier, churned: facts.churnedAt !== null, daysToGo },
    sources.tiers.map((t) => ({ key: t.key, label: t.label, color: 'gray' as const })),
  );
  return { date: facts.renewalDate, daysToGo, forecast, reason };
}
