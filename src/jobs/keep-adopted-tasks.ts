import {
  TRACK_KINDS,
  type OpenTracks,
  type PlayOutcome,
  type Priority,
  type TrackState,
  type TrackTrigger,
} from '../plays/play-types.ts';
import { trackTaskKey } from '../plays/track-task.ts';

// The first trigger of an adopted track: `unseen` until an evaluation has looked at the track.
const FOUND = 'found-in-hubspot';
const UNSEEN = 'unseen';
const SEEN = 'seen';

/** What an adopted track remembers of how it came back. */
export function adoptionTrigger(at: string, priority: Priority): TrackTrigger {
  return {
    ruleId: FOUND,
    episode: UNSEEN,
    at,
    why: 'its task was found open in HubSpot when Vitals had lost its own record of it',
    priority,
    baseline: true,
  };
}

/**
 * A track adopted from HubSpot has its task but not the triggers that made it, so at its first
 * evaluation every rule that holds looks new. Those held before the store was lost, as far as
 * anyone can tell: they are recorded as already so, and the task stays as the person working on
 * it knows it (no rewrite, no new due time, no second copy). An episode that ended still
 * completes its task, and later triggers rewrite it as usual.
 */
export function keepAdoptedTasks(
  outcome: PlayOutcome,
  before: OpenTracks,
  companyId: string,
): PlayOutcome {
  let { actions } = outcome;
  const tracks = { ...outcome.tracks };
  for (const kind of TRACK_KINDS) {
    const was = before[kind];
    const now = tracks[kind];
    if (!was || !now || !unseen(was) || now.episode !== was.episode) continue;
    const task = trackTaskKey(was, companyId);
    const targets = new Set([task, `${task}:manager`]);
    actions = actions.filter(
      (a) =>
        !(a.kind === 'task' && a.track === kind && a.episode === was.episode) &&
        !(a.kind === 'task-update' && a.status === 'NOT_STARTED' && targets.has(a.target)),
    );
    tracks[kind] = keptState(was, now);
  }
  return { ...outcome, actions, tracks };
}

function unseen(state: TrackState): boolean {
  return state.triggers.some((t) => t.ruleId === FOUND && t.episode === UNSEEN);
}

function keptState(was: TrackState, now: TrackState): TrackState {
  const triggers = now.triggers.map((t, i): TrackTrigger => {
    if (i >= was.triggers.length) return quiet(t);
    return t.ruleId === FOUND ? { ...t, episode: SEEN } : t;
  });
  return { ...now, triggers, priority: was.priority, dueAt: was.dueAt, manager: was.manager };
}

/** As a baseline trigger is kept: no response time of its own. */
function quiet({ ruleId, episode, at, why, priority }: TrackTrigger): TrackTrigger {
  return { ruleId, episode, at, why, priority, baseline: true };
}
