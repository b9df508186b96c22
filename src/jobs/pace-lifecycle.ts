import { closeLifecycleTask } from '../lifecycle/close-lifecycle-tasks.ts';
import type { PlannedAction, PlayOutcome, TaskAction, TrackKind } from '../plays/play-types.ts';
import { taskUrgency } from './task-urgency.ts';

/** More open Vitals tasks than this on one account, and a rep stops reading them. */
const MOST_OPEN_TRACK_TASKS = 2;

/**
 * Lifecycle tasks come to the owner one at a time: at most one a day for an account, the most
 * urgent first; none while one as urgent or more is still open (the others keep their windows
 * and come when it is done or over); and none while the account already has two open Vitals
 * tasks. Left out of the plan, they are not recorded, so a later evaluation
 * makes them. Notes, and escalations that go to someone other than the owner, are not
 * paced: they give the owner nothing to do. Like the daily cap, this is a limit of the run, not a
 * rule of the plays core, whose verdicts say only whether a play is due.
 *
 * Alarms are not held back: when the account's tracks open tasks while lifecycle tasks are
 * open, the least urgent of those are completed, saying why, so the owner never holds more
 * than two open Vitals tasks for one account.
 */
export function paceLifecycle(
  outcome: PlayOutcome,
  openBefore: readonly TaskAction[],
  at: { now: Date; timeZone: string },
): PlayOutcome {
  const roomy = makeRoom(outcome, openBefore, at);
  return paceNew(roomy, openBefore);
}

function paceNew(outcome: PlayOutcome, openBefore: readonly TaskAction[]): PlayOutcome {
  const paced = outcome.actions.filter(ownersLifecycleTask);
  if (paced.length === 0) return outcome;
  const closed = new Set(
    outcome.actions.flatMap((a) =>
      a.kind === 'task-update' && a.status === 'COMPLETED' ? [a.target] : [],
    ),
  );
  const stillOpen = openBefore.filter((t) => !isCopy(t) && !closed.has(t.key));
  const open = Object.values(outcome.tracks).filter((t) => t.task).length + stillOpen.length;
  const first = [...paced].sort(
    (a, b) => taskUrgency(a) - taskUrgency(b) || a.dueAt.localeCompare(b.dueAt),
  )[0]!;
  const waiting = new Map<string, string>();
  // An open lifecycle task holds back those no more urgent than it; a more urgent one comes.
  const blocking = [...stillOpen].sort((a, b) => taskUrgency(a) - taskUrgency(b))[0];
  for (const task of paced) {
    if (blocking && taskUrgency(task) >= taskUrgency(blocking))
      waiting.set(task.ruleId, `waits until "${blocking.subject}" is done or over`);
    else if (open >= MOST_OPEN_TRACK_TASKS)
      waiting.set(task.ruleId, `waits: the account has ${open} open Vitals tasks already`);
    else if (task !== first)
      waiting.set(task.ruleId, `waits for a later day: one lifecycle task a day per account`);
  }
  if (waiting.size === 0) return outcome;
  const keep = (a: PlayOutcome['actions'][number]) =>
    !(ownersLifecycleTask(a) && waiting.has(a.ruleId));
  return {
    ...outcome,
    actions: outcome.actions.filter(keep),
    verdicts: outcome.verdicts.map((v) =>
      waiting.has(v.ruleId) ? { ...v, fired: false, why: `${v.why}; ${waiting.get(v.ruleId)}` } : v,
    ),
  };
}

/** Completes the least urgent open lifecycle tasks the account's open track tasks leave no room for. */
function makeRoom(
  outcome: PlayOutcome,
  openBefore: readonly TaskAction[],
  at: { now: Date; timeZone: string },
): PlayOutcome {
  const tracks = Object.values(outcome.tracks).filter((t) => t.task);
  if (tracks.length === 0) return outcome;
  const closed = new Set(
    outcome.actions.flatMap((a) => (a.kind === 'task-update' ? [a.target] : [])),
  );
  const open = openBefore.filter((t) => !isCopy(t) && !closed.has(t.key));
  const over = tracks.length + open.length - MOST_OPEN_TRACK_TASKS;
  if (over <= 0) return outcome;
  // Least urgent first, and of those the one due last: it is the one the owner loses least by.
  const leastUrgent = [...open].sort(
    (a, b) => taskUrgency(b) - taskUrgency(a) || b.dueAt.localeCompare(a.dueAt),
  );
  const why = `the ${tracksInWords(tracks.map((t) => t.kind))} on this account come${tracks.length === 1 ? 's' : ''} first, and Vitals keeps at most ${MOST_OPEN_TRACK_TASKS} of its tasks open per account`;
  const closing = leastUrgent
    .slice(0, over)
    .map((task) => closeLifecycleTask(task, why, at.now, at.timeZone));
  return { ...outcome, actions: [...outcome.actions, ...closing] };
}

function tracksInWords(kinds: readonly TrackKind[]): string {
  if (kinds.length === 1) return `${kinds[0]!} task`;
  return `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)!} tasks`;
}

/** A lifecycle task for the account's own owner: planned work, paced (escalation copies are not). */
export function ownersLifecycleTask(action: PlannedAction): action is TaskAction {
  return action.kind === 'task' && action.track === 'lifecycle' && !isCopy(action);
}

function isCopy(task: TaskAction): boolean {
  return task.route === 'manager' || task.route === 'account-executive';
}
