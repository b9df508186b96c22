import type { TaskAction, TaskUpdateAction } from '../plays/play-types.ts';
import type { LedgerEntry } from '../store/store.ts';

/**
 * What becomes of a task update, by the state of the task it targets. send: the task is in
 * HubSpot. drop: the task still waits for its turn and its episode ended, so neither goes out.
 * fold: the task still waits, and goes out with the update's text. wait: the task is being
 * created (an intent, or uncertain until a run finds it). moot: there is no task to update.
 */
export type UpdateFate =
  | { kind: 'send' }
  | { kind: 'drop'; targetReason: string; reason: string }
  | { kind: 'fold'; revised: TaskAction; reason: string }
  | { kind: 'wait' }
  | { kind: 'moot'; reason: string };

/** The fate of `action` given its target's ledger entry (or what a dry run knows of it). */
export function updateFate(
  action: TaskUpdateAction,
  target: Pick<LedgerEntry, 'status' | 'action'> | undefined,
): UpdateFate {
  switch (target?.status) {
    case 'done':
      return { kind: 'send' };
    case 'intent':
    case 'uncertain':
      return { kind: 'wait' };
    case 'held':
      return action.status === 'COMPLETED'
        ? {
            kind: 'drop',
            targetReason: `Its episode ended before its turn came: ${closingWords(action)}`,
            reason: 'its task was still waiting for its turn and was dropped',
          }
        : {
            kind: 'fold',
            revised: {
              ...(target.action as TaskAction),
              subject: action.subject,
              body: action.body,
              priority: action.priority,
              dueAt: action.dueAt,
            },
            reason: 'folded into its task, which still waits for its turn',
          };
    default: {
      const why = target ? `its task was ${target.status}` : 'its task was never planned';
      return { kind: 'moot', reason: `${why}, so there is nothing to update` };
    }
  }
}

function closingWords(action: TaskUpdateAction): string {
  const first = action.body.split('\n')[0] ?? '';
  return first.replace(/^Closed by Vitals on [0-9-]+: /, '');
}
