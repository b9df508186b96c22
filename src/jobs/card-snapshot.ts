import type { EnrollAction, PlayOutcome, TaskAction, TrackState } from '../plays/play-types.ts';
import { RULES } from '../plays/rules.ts';
import { TRACK_PLAY } from '../plays/track-ids.ts';
import { leadTrigger } from '../plays/track-trigger.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import { UNKNOWN_TIER } from '../scoring/score-account.ts';
import type { ScoredCompany } from './score-chunk.ts';

/** What the ledger lookups and the reports read of a planned task or enrolment. */
export type ActionRef =
  | Pick<TaskAction, 'kind' | 'key' | 'route' | 'ownerId' | 'subject' | 'priority' | 'dueAt'>
  | Pick<EnrollAction, 'kind' | 'key'>;

/** A play as the card lists it, with its planned actions in full or only as referred to. */
export interface PlayRef {
  id: string;
  title: string;
  why: string;
  priority: 'HIGH' | 'MEDIUM' | 'LOW';
  dueAt: string | null;
  actions: readonly ActionRef[];
}

/** A play the card lists: what holds now, and the actions a run planned for it. */
export interface SnapshotPlay extends PlayRef {
  /** The rule id. */
  id: string;
  title: string;
  why: string;
  priority: 'HIGH' | 'MEDIUM' | 'LOW';
  dueAt: string | null;
  /** The tasks and enrolments it planned this run (empty when it fired on an earlier run: the
   * ledger has those). */
  actions: (TaskAction | EnrollAction)[];
}

/**
 * What the health card shows of a company, as the run that scored it saw it; saved with the
 * company's state so the card API answers from the store without calling HubSpot. The server
 * adds the history, the ledger's status of each play and when the company was last checked.
 */
export interface CardSnapshot {
  companyId: string;
  name: string | null;
  state: 'scored' | 'no-data';
  score: number | null;
  tier: { key: string; label: string; color: string };
  change7d: number | null;
  coverage: number;
  missing: string[];
  dimensions: { key: string; label: string; score: number | null; weight: number }[];
  drivers: { label: string; value: string; impact: number }[];
  levers: { label: string; target: string; gain: number }[];
  plays: SnapshotPlay[];
  scoredAt: string;
  model: string;
}

const RULE = new Map(RULES.map((r) => [r.id, r]));
const RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;

export function cardSnapshot(
  company: ScoredCompany,
  outcome: PlayOutcome | undefined,
  model: CompiledModel,
  scoredAt: string,
): CardSnapshot {
  const e = company.explanation;
  const tier = model.model.tiers.find((t) => t.key === e.tier);
  const change = company.values.health_score_change_7d;
  return {
    companyId: company.id,
    name: company.name,
    state: e.score === null ? 'no-data' : 'scored',
    score: e.score,
    tier:
      tier && e.tier !== UNKNOWN_TIER
        ? { key: tier.key, label: tier.label, color: tier.color }
        : { key: UNKNOWN_TIER, label: 'No data', color: 'gray' },
    change7d: change === '' ? null : Number(change),
    coverage: e.coverage,
    missing: e.signals.filter((s) => s.value === null).map((s) => s.label),
    dimensions: Object.entries(e.dimensions).map(([key, d]) => ({
      key,
      label: d.label,
      score: d.score,
      weight: d.weight,
    })),
    drivers: e.drivers.map((d) => ({ label: d.label, value: String(d.value), impact: d.impact })),
    levers: e.levers.map((l) => ({ label: l.label, target: l.target, gain: l.gain })),
    plays: outcome ? playsOf(outcome, scoredAt) : [],
    scoredAt,
    model: company.values.health_model,
  };
}

/**
 * The account's open tracks (its save, renewal and expansion tasks), then the enrolment plays that
 * fired now or still hold, most urgent first.
 */
function playsOf(outcome: PlayOutcome, at: string): SnapshotPlay[] {
  const holding = new Set(outcome.active);
  const plays: SnapshotPlay[] = Object.values(outcome.tracks).map((t) => trackPlay(t, outcome, at));
  for (const verdict of outcome.verdicts) {
    if (!verdict.fired && !holding.has(verdict.ruleId)) continue;
    if (RULE.get(verdict.ruleId)?.track !== undefined) continue;
    const actions = outcome.actions.flatMap((a) =>
      a.ruleId === verdict.ruleId && (a.kind === 'task' || a.kind === 'enroll') ? [a] : [],
    );
    const tasks = actions.flatMap((a) => (a.kind === 'task' ? [a] : []));
    const first = tasks[0];
    plays.push({
      id: verdict.ruleId,
      title: first?.subject ?? RULE.get(verdict.ruleId)?.title ?? verdict.ruleId,
      why: verdict.why,
      priority: first?.priority ?? RULE.get(verdict.ruleId)?.priority ?? 'MEDIUM',
      dueAt: first?.dueAt ?? null,
      actions,
    });
  }
  return plays.sort((a, b) => RANK[a.priority] - RANK[b.priority]);
}

/** The card says of a track what its task leads with, so card and task tell the same story. */
function trackPlay(state: TrackState, outcome: PlayOutcome, at: string): SnapshotPlay {
  const id = TRACK_PLAY[state.kind].id;
  const tasks = outcome.actions.flatMap((a) => (a.ruleId === id && a.kind === 'task' ? [a] : []));
  const lead = leadTrigger(state, at) ?? state.triggers.at(-1);
  return {
    id,
    title: tasks[0]?.subject ?? TRACK_PLAY[state.kind].title,
    why: lead ? lead.why : 'open',
    priority: state.priority,
    dueAt: state.dueAt,
    actions: tasks,
  };
}
