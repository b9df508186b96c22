import { dueAt } from './due-at.ts';
import type { Judgement } from './judge-rule.ts';
import type { PlayInput, Priority, TrackState, TrackTrigger } from './play-types.ts';
import type { Due } from './rule-types.ts';

export const PRIORITY_RANK: Record<Priority, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** A rule that fired, as a trigger of its track. */
export function triggerOf(judgement: Judgement, input: PlayInput): TrackTrigger {
  const trigger: TrackTrigger = {
    ruleId: judgement.rule.id,
    episode: judgement.episode!,
    at: input.now.toISOString(),
    why: judgement.why,
    priority: judgement.rule.priority,
  };
  return judgement.quietStart ? { ...trigger, baseline: true } : trigger;
}

/** The triggers that call for work: those not recorded as the baseline. */
export function liveTriggers(state: TrackState): TrackTrigger[] {
  return state.triggers.filter((t) => !t.baseline);
}

/**
 * The trigger the task leads with: of the triggers whose response is still ahead at `now`, the
 * most urgent by priority, then the latest, then the sooner due; a checkpoint only when no news is
 * pending. Subject, "why now" and the due time then all speak of the same piece of work.
 */
export function leadTrigger(state: TrackState, now: string): TrackTrigger | null {
  const live = liveTriggers(state);
  const pending = live.filter((t) => t.dueAt === undefined || t.dueAt > now);
  const news = (pending.length > 0 ? pending : live).filter((t) => !isCheckpoint(t));
  const pool = news.length > 0 ? news : pending.length > 0 ? pending : live;
  let lead: TrackTrigger | null = null;
  for (const t of pool) {
    if (lead === null || moreUrgent(t, lead) >= 0) lead = t;
  }
  return lead;
}

function isCheckpoint(trigger: TrackTrigger): boolean {
  return trigger.ruleId.startsWith('checkpoint-');
}

/** > 0 when a should lead rather than b, 0 when they are alike. */
function moreUrgent(a: TrackTrigger, b: TrackTrigger): number {
  const rank = PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority];
  if (rank !== 0) return rank;
  if (a.at !== b.at) return a.at > b.at ? 1 : -1;
  if (a.dueAt === undefined || b.dueAt === undefined || a.dueAt === b.dueAt) return 0;
  return a.dueAt < b.dueAt ? 1 : -1;
}

/**
 * The state with the new triggers: priority rises to the most urgent trigger's, and the due time
 * moves to the earliest new one's unless the task is already due sooner: never later while the
 * earlier due time is still ahead. One that has passed does not hold new work to it.
 */
export function addTriggers(
  state: TrackState,
  added: readonly { trigger: TrackTrigger; due: Due | null }[],
  input: PlayInput,
): TrackState {
  const triggers = [...state.triggers, ...added.map((a) => withDue(a.trigger, a.due, input))];
  const live = triggers.filter((t) => !t.baseline);
  const priority = live.reduce<Priority>(
    (best, t) => (PRIORITY_RANK[t.priority] < PRIORITY_RANK[best] ? t.priority : best),
    'LOW',
  );
  let due = state.dueAt !== null && state.dueAt > input.now.toISOString() ? state.dueAt : null;
  for (const t of triggers.slice(state.triggers.length)) {
    if (t.dueAt !== undefined && (due === null || t.dueAt < due)) due = t.dueAt;
  }
  return { ...state, triggers, priority, dueAt: due ?? state.dueAt };
}

function withDue(trigger: TrackTrigger, due: Due | null, input: PlayInput): TrackTrigger {
  if (trigger.baseline || due === null) return trigger;
  return { ...trigger, dueAt: dueAt(due, input.now, input.settings).toISOString() };
}
