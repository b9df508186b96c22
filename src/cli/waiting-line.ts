import type { PlaysTally } from '../jobs/apply-plays.ts';

/** The lifecycle tasks the day's budget left for later, in one line; null when none waits. */
export function waitingLine(waiting: PlaysTally['waiting'], verb = 'wait'): string | null {
  if (waiting.length === 0) return null;
  const what = waiting.length === 1 ? '1 lifecycle task' : `${waiting.length} lifecycle tasks`;
  const why = waiting[0]!.reason.replace(/^waits for a quieter day: /, '');
  return `${what} ${waiting.length === 1 && verb === 'wait' ? 'waits' : verb} for a quieter day: ${why}.`;
}
