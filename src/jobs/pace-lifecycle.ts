import type { PlayOutcome, TaskAction } from '../plays/play-types.ts';
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
 */
export function paceLifecycle(
  outcome: PlayOutcome,
  openBefore: readonly TaskAction[] = [],
): PlayOutcome {
  const paced = outcome.actions.filter(
    (a): a is TaskAction => a.kind === 'task' && a.track === 'lifecycle' && !isCopy(a),
  );
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
    !(a.kind === 'task' && a.track === 'lifecycle' && !isCopy(a) && waiting.has(a.ruleId));
  return {
    ...outcome,
    actions: outcome.actions.filter(keep),
    verdicts: outcome.verdicts.map((v) =>
      waiting.has(v.ruleId) ? { ...v, fired: false, why: `${v.why}; ${waiting.get(v.ruleId)}` } : v,
    ),
  };
}

function isCopy(task: TaskAction): boolean {
  return task.route === 'manager' || task.route === 'account-executive';
}
