import type { MappingConfig, PlaysMapping } from '../config/config.ts';
import type { Gateway } from '../hubspot/create-gateway.ts';
import type { HubSpotRecord } from '../hubspot/record-schema.ts';
import type {
  ContactFacts,
  EnrollAction,
  NoteAction,
  PlannedAction,
  PlaySettings,
  PropertyAction,
  RuleVerdict,
  TaskAction,
  TaskUpdateAction,
  TrackKind,
  TrackState,
} from '../plays/play-types.ts';
import { RULES } from '../plays/rules.ts';
import { TRACK_PLAY } from '../plays/track-ids.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import type { LedgerEntry, Store } from '../store/store.ts';
import { planChunkPlays } from './plan-plays.ts';
import { playReadProperties } from './play-read-properties.ts';
import { qbrMeetings } from './qbr-meetings.ts';
import { chunkPlays, scoreChunk, type ScoredCompany } from './score-chunk.ts';

export interface ExplainPlaysDeps {
  /** The company with these properties, or null when the portal has no such id. */
  readCompany(id: string, properties: readonly string[]): Promise<HubSpotRecord | null>;
  gateway: Pick<Gateway, 'readAssociationTypes' | 'readContacts' | 'findQbrMeetings'>;
  /** Read-only on purpose: explaining writes nothing anywhere. */
  store: Pick<
    Store,
    | 'latestScores'
    | 'scoresAtOrBefore'
    | 'scoreHistory'
    | 'activeRules'
    | 'playsEvaluatedAt'
    | 'openTracks'
    | 'signalReadings'
    | 'playsBaselineAt'
    | 'ledgerForCompany'
    | 'ledgerHas'
    | 'openLifecycleTasks'
  >;
  mapping: MappingConfig;
  model: CompiledModel;
  plays: { settings: PlaySettings; mapping: PlaysMapping; leftProperty: string | null };
  portal: string;
  now: Date;
}

/** What the ledger holds for one action key. */
export interface LedgerState {
  key: string;
  episode: string;
  kind: LedgerEntry['kind'];
  status: LedgerEntry['status'];
  hubspotId: string | null;
  detail: string | null;
  updatedAt: string;
}

export interface ExplainedAction {
  action: TaskAction | TaskUpdateAction | EnrollAction | NoteAction;
  /** Why a run would report this enrolment instead of making it (no sequence or sender). */
  unconfigured: string | null;
  /** The ledger's entry for this very action; null: a run would do it now. */
  ledger: LedgerState | null;
}

export interface ExplainedRule {
  ruleId: string;
  section: string;
  title: string;
  fired: boolean;
  why: string;
  actions: ExplainedAction[];
  /** For a rule that does not fire now: the ledger's entries of its latest earlier episode. */
  earlier: LedgerState[];
}

export interface CompanyPlaysReport {
  company: {
    id: string;
    name: string | null;
    segment: string | null;
    mrr: number | null;
    ownerId: string | null;
    score: number | null;
    tier: string;
    tierLabel: string;
    coverage: number;
    churnedAt: string | null;
    /** Its contacts as the plays see them: who is primary, a key person, opted out, gone. */
    contacts: ContactFacts[];
  };
  evaluatedAt: string;
  timeZone: string;
  /** The account's task of each track (save, renewal, expansion) that is open or changes now,
   * then every rule of the table, in its order. */
  rules: ExplainedRule[];
  /** What health_recommended_plays would say. */
  recommendedPlays: string;
}

/**
 * Reads one company and its contacts, scores it and runs the plays core over it exactly as a run
 * would (same properties, history and previously active rules), then sets each planned action
 * beside the ledger. Null when the portal has no company with this id.
 */
export async function explainCompanyPlays(
  companyId: string,
  deps: ExplainPlaysDeps,
): Promise<CompanyPlaysReport | null> {
  const properties = playReadProperties(deps.mapping, deps.plays);
  const record = await deps.readCompany(companyId, properties.company);
  if (!record) return null;
  const meetings = await qbrMeetings(
    deps.gateway,
    deps.plays.mapping,
    deps.plays.settings,
    deps.now,
  );
  const [scored] = await scoreChunk([record], {
    ...deps,
    properties,
    plays: chunkPlays(deps.plays, meetings),
  });
  const plan = await planChunkPlays([scored!], {
    store: deps.store,
    portal: deps.portal,
    settings: deps.plays.settings,
    tiers: deps.model.model.tiers.map((t) => t.key),
    now: deps.now,
    baseline: (await deps.store.playsBaselineAt(deps.portal)) === null,
    lifecycleSince: await deps.store.playsBaselineAt(deps.portal, 'lifecycle'),
  });
  const outcome = plan.outcomes.get(record.id)!;
  const tracksBefore = (await deps.store.openTracks(deps.portal, [record.id])).get(record.id) ?? {};
  const ledger = await deps.store.ledgerForCompany(deps.portal, record.id);
  const unconfigured = new Map(plan.unconfigured.map((u) => [u.key, u.reason]));
  const explainRule = (verdict: RuleVerdict): ExplainedRule => {
    const actions = outcome.actions.flatMap((action): ExplainedAction[] =>
      action.kind === 'property' || action.ruleId !== verdict.ruleId
        ? []
        : [{ action, unconfigured: unconfigured.get(action.key) ?? null, ledger: null }],
    );
    for (const a of actions) a.ledger = stateOf(ledger.find((e) => e.key === a.action.key));
    const rule = RULES.find((r) => r.id === verdict.ruleId);
    const track = Object.values(TRACK_PLAY).find((t) => t.id === verdict.ruleId);
    return {
      ruleId: verdict.ruleId,
      section: rule?.section ?? '',
      title: rule?.title ?? track?.title ?? verdict.ruleId,
      fired: verdict.fired,
      why: verdict.why,
      actions,
      earlier: verdict.fired ? [] : latestEpisode(ledger, verdict.ruleId),
    };
  };
  return {
    company: companySummary(scored!, deps.model),
    evaluatedAt: deps.now.toISOString(),
    timeZone: deps.plays.settings.timeZone,
    rules: [
      ...trackKinds(tracksBefore, outcome.tracks).map((kind) =>
        explainRule({
          ruleId: TRACK_PLAY[kind].id,
          fired: outcome.actions.some((a) => a.ruleId === TRACK_PLAY[kind].id),
          why: trackWhy(outcome.tracks[kind] ?? null, tracksBefore[kind] ?? null),
        }),
      ),
      ...outcome.verdicts.map(explainRule),
    ],
    recommendedPlays: outcome.actions.find(isProperty)?.value ?? '',
  };
}

function trackKinds(before: object, after: object): TrackKind[] {
  return (['save', 'renewal', 'expansion'] as const).filter((k) => k in before || k in after);
}

function trackWhy(now: TrackState | null, before: TrackState | null): string {
  if (now === null) return 'its episode ends now';
  const triggers = now.triggers.map((t) => t.ruleId).join(', ');
  const since = now.openedAt.slice(0, 10);
  return before === null ? `opens now with ${triggers}` : `open since ${since}, fed by ${triggers}`;
}

function companySummary(
  scored: ScoredCompany,
  model: CompiledModel,
): CompanyPlaysReport['company'] {
  const { explanation: e, facts } = scored;
  return {
    id: scored.id,
    name: scored.name,
    segment: e.segment,
    mrr: scored.mrr,
    ownerId: facts?.ownerId ?? null,
    score: e.score,
    tier: e.tier,
    tierLabel: model.model.tiers.find((t) => t.key === e.tier)?.label ?? 'No data',
    coverage: e.coverage,
    churnedAt: facts?.churnedAt ?? null,
    contacts: facts?.contacts ?? [],
  };
}

function isProperty(action: PlannedAction): action is PropertyAction {
  return action.kind === 'property';
}

function stateOf(entry: LedgerEntry | undefined): LedgerState | null {
  if (!entry) return null;
  const { key, episode, kind, status, hubspotId, detail, updatedAt } = entry;
  return { key, episode, kind, status, hubspotId, detail, updatedAt };
}

/** The ledger comes newest first: the first entry of the rule names its latest episode. */
function latestEpisode(ledger: readonly LedgerEntry[], ruleId: string): LedgerState[] {
  const own = ledger.filter((e) => e.ruleId === ruleId);
  const episode = own[0]?.episode;
  return own.filter((e) => e.episode === episode).map((e) => stateOf(e)!);
}
