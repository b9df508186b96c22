import type { PlannedAction } from '../plays/play-types.ts';

const RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;

/** Sort key for new work when a daily cap bites: the most urgent tasks go first. */
export function taskUrgency(action: PlannedAction): number {
  return action.kind === 'task' ? RANK[action.priority] : 0;
}
