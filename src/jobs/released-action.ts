import { dueAt } from '../plays/due-at.ts';
import type { PlannedAction, PlaySettings } from '../plays/play-types.ts';

/**
 * A held task as it goes out on a later day: a due time that passed while it waited moves to the
 * next business time (today by the end of the workday, or the next business morning).
 */
export function releasedAction(
  action: PlannedAction,
  now: Date,
  settings: PlaySettings,
): PlannedAction {
  if (action.kind !== 'task' || Date.parse(action.dueAt) >= now.getTime()) return action;
  return { ...action, dueAt: dueAt({ kind: 'same-day' }, now, settings).toISOString() };
}
