import { CHECKPOINT_DAYS } from './save-playbook.ts';
import type { Judgement } from './judge-rule.ts';
import { daysBetween, inZone, localDate, parseInstant } from './local-time.ts';
import type {
  OpenTracks,
  PlannedAction,
  PlayInput,
  TrackKind,
  TrackState,
  TrackTrigger,
} from './play-types.ts';
import type { Due } from './rule-types.ts';
import { closeTrackTask, trackTaskActions } from './track-task.ts';
import { addTriggers, triggerOf } from './track-trigger.ts';
import { bestTier, tierLabel } from './tier-positions.ts';

export interface TrackDecision {
  actions: PlannedAction[];
  state: TrackState | null;
}

const SCORE_TROUBLE = new Set(['tier-at-risk', 'tier-critical', 'score-drop-7d', 'score-drop-30d']);

const CHECKPOINT_DUE: Due = { kind: 'business-days', days: 2 };

/**
 * One track of one account: the rules of the track that hold keep its episode open; the first
 * that fires opens it and makes the task, later ones update that task, and when none holds any
 * more the task is completed with the reason. `endedBecause` overrides the closing words (an
 * expansion barred by a save episode).
 */
export function decideTrack(
  kind: TrackKind,
  judgements: readonly Judgement[],
  input: PlayInput,
  endedBecause: string | null = null,
  stillFits = false,
): TrackDecision {
  const holding = judgements.filter((j) => j.holds);
  // An open expansion task stays while the account still fits it, though its signal has aged:
  // the opportunity is the rep's to close, and a later signal rewrites the same task.
  if (stillFits && holding.length === 0 && input.tracks[kind])
    return { actions: [], state: input.tracks[kind]! };
  const actions: PlannedAction[] = [];
  let before = input.tracks[kind] ?? null;
  const ended = before ? endOf(before, holding, input, endedBecause) : null;
  if (before && ended !== null) {
    actions.push(...closeTrackTask(before, input, ended));
    before = null;
  }
  if (holding.length === 0) return { actions, state: null };
  const opened = before ?? openTrack(kind, input);
  const seen = new Set(opened.triggers.map((t) => `${t.ruleId}|${t.episode}`));
  const added = holding
    .filter((j) => j.episode !== null && !seen.has(`${j.rule.id}|${j.episode}`))
    .map((j) => ({ trigger: triggerOf(j, input), due: j.rule.due }));
  if (opened.triggers.length === 0 && added.length === 0)
    // Conditions that held before the track was kept (an upgrade): remembered, no task for them.
    added.push(...holding.map((j) => ({ trigger: quietTrigger(j, input), due: null })));
  if (kind === 'save') added.push(...checkpoints(opened, input));
  const after = addTriggers(opened, added, input);
  const made = trackTaskActions(
    after,
    added.map((a) => a.trigger),
    input,
  );
  actions.push(...made.actions);
  return { actions, state: made.state };
}

function openTrack(kind: TrackKind, input: PlayInput): TrackState {
  const episode =
    kind === 'renewal' && input.account.renewalDate
      ? input.account.renewalDate
      : openingTime(input);
  return {
    kind,
    episode,
    openedAt: input.now.toISOString(),
    triggers: [],
    priority: 'LOW',
    dueAt: null,
    task: false,
    manager: false,
  };
}

/**
 * A save or expansion episode is keyed by when it opened, to the second in the portal's time: an
 * episode that closes and a new one that opens the same day must not share a task.
 */
function openingTime(input: PlayInput): string {
  return inZone(input.now, input.settings.timeZone).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** Why the open episode ends now, or null while it goes on. */
function endOf(
  state: TrackState,
  holding: readonly Judgement[],
  input: PlayInput,
  endedBecause: string | null,
): string | null {
  const { account, current } = input;
  if (state.kind === 'renewal' && account.renewalDate !== state.episode)
    return account.renewalDate
      ? `the renewal date moved from ${state.episode} to ${account.renewalDate}`
      : `the renewal date ${state.episode} is no longer set`;
  if (holding.length > 0) return null;
  if (endedBecause !== null) return endedBecause;
  switch (state.kind) {
    case 'save': {
      const score = current.score === null ? 'no score' : `score ${current.score}`;
      const health = `${score}, ${tierLabel(current.tier)}`;
      // "Recovered" only where the score was the trouble; a withdrawn signal is just over.
      return state.triggers.some((t) => SCORE_TROUBLE.has(t.ruleId))
        ? `the account recovered (${health}) and no churn signal holds`
        : `no churn signal holds any more and the account is not at risk (${health})`;
    }
    case 'renewal':
      return `the renewal date ${state.episode} has passed`;
    case 'expansion':
      return `the account is ${tierLabel(current.tier)}, no longer in the best tier`;
  }
}

function quietTrigger(judgement: Judgement, input: PlayInput): TrackTrigger {
  return {
    ruleId: judgement.rule.id,
    episode: judgement.episode ?? localDate(input.now, input.settings.timeZone),
    at: input.now.toISOString(),
    why: `${judgement.why} (held before Vitals kept track of it)`,
    priority: judgement.rule.priority,
    baseline: true,
  };
}

/** The save playbook's 30/60/90-day checkpoints of an episode with a task, each once. */
function checkpoints(state: TrackState, input: PlayInput) {
  const opened = parseInstant(state.taskAt ?? state.openedAt);
  if (!state.task || opened === null) return [];
  const days = daysBetween(opened, input.now);
  const score = input.current.score ?? 'missing';
  return CHECKPOINT_DAYS.filter(
    (day) => days >= day && !state.triggers.some((t) => t.ruleId === `checkpoint-${day}`),
  )
    .slice(-1)
    .map((day) => ({
      trigger: {
        ruleId: `checkpoint-${day}`,
        episode: String(day),
        at: input.now.toISOString(),
        why: `day ${day} of the save episode: the score is ${score} now`,
        priority: state.priority,
      },
      due: CHECKPOINT_DUE,
    }));
}

/** Every track of the account; expansion is decided last because a save episode bars it. */
export function decideTracks(
  byKind: Record<TrackKind, readonly Judgement[]>,
  input: PlayInput,
  expansionBarred: (saveOpen: boolean) => string | null,
): { actions: PlannedAction[]; tracks: OpenTracks } {
  const save = decideTrack('save', byKind.save, input);
  const renewal = decideTrack('renewal', byKind.renewal, input);
  const bar = expansionBarred(save.state !== null);
  const best = bestTier(input.tiers) === input.current.tier;
  const expansion = decideTrack('expansion', bar ? [] : byKind.expansion, input, bar, !bar && best);
  const tracks: OpenTracks = {};
  if (save.state) tracks.save = save.state;
  if (renewal.state) tracks.renewal = renewal.state;
  if (expansion.state) tracks.expansion = expansion.state;
  return { actions: [...save.actions, ...renewal.actions, ...expansion.actions], tracks };
}
