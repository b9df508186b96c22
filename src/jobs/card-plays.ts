import type { CardPlay } from '../../extensions/app/cards/card-contract.ts';
import type { LedgerEntry } from '../store/store.ts';
import type { ActionRef, PlayRef } from './card-snapshot.ts';
import { closedTrackPlays } from './closed-track-plays.ts';
import { playEntries } from './play-ledger.ts';
import { playStatus, type StatusClock } from './play-status.ts';

/** A play as the card shows it, and who its task is for (the reports' alert queue names them). */
export interface LedgeredPlay extends CardPlay {
  /** The owner of the play's task; null when it has no task or the task is unassigned. */
  ownerId: string | null;
}

/**
 * The card's plays with the ledger's word on each: those of the saved snapshot, then the tracks
 * whose task Vitals completed lately. The card API and the reports both read plays this way, so
 * a CS leader's report never tells another story than the CSM's card.
 */
export function cardPlays(
  listed: readonly PlayRef[],
  ledger: readonly LedgerEntry[],
  clock: StatusClock,
): LedgeredPlay[] {
  // Most accounts of a book have no ledger entry yet: nothing done, so every play is open.
  if (ledger.length === 0) return listed.map((p) => ledgered(p, ownersTask(p, ledger), OPEN));
  const plays = [...listed, ...closedTrackPlays(listed, ledger, clock.now)];
  return plays.map((p) => ledgered(p, ownersTask(p, ledger), playStatus(p, ledger, clock)));
}

const OPEN = { status: 'open', taskId: null, detail: null, heldUntil: null } as const;

function ledgered(
  p: PlayRef,
  task: TaskRef | undefined,
  status: ReturnType<typeof playStatus>,
): LedgeredPlay {
  // A play that fired on an earlier run reaches the snapshot without its actions: its task,
  // as the ledger holds it, gives the title, priority and due date the card showed then.
  const earlier = p.actions.length > 0 ? undefined : task;
  return {
    id: p.id,
    title: earlier?.subject ?? p.title,
    why: p.why,
    priority: earlier?.priority ?? p.priority,
    dueAt: earlier?.dueAt ?? p.dueAt,
    status: status.status,
    taskId: status.taskId,
    detail: status.detail,
    heldUntil: status.heldUntil,
    ownerId: task?.ownerId ?? null,
  };
}

type TaskRef = Extract<ActionRef, { kind: 'task' }>;

/**
 * The play's task as planned (from the snapshot, else from the ledger): the owner's, not a
 * manager's escalation copy of it.
 */
function ownersTask(play: PlayRef, ledger: readonly LedgerEntry[]): TaskRef | undefined {
  const planned =
    play.actions.length > 0 ? play.actions : playEntries(play, ledger).map((e) => e.action);
  const tasks = planned.flatMap((a) => (a.kind === 'task' ? [a] : []));
  return tasks.find((t) => t.route !== 'manager') ?? tasks[0];
}
