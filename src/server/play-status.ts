import type { CardPlay } from '../../extensions/app/cards/card-contract.ts';
import type { LedgerEntry } from '../store/store.ts';
import { playEntries, type SnapshotPlay } from './play-ledger.ts';

/** How a dismissal reads in the ledger: a skipped entry whose detail starts with this. */
export const DISMISSED = 'Dismissed: ';

export type PlayState = Pick<CardPlay, 'status' | 'taskId' | 'dismissedBecause'>;

/**
 * What the ledger says of a play: a task in HubSpot wins (it is there whatever else happened),
 * then a dismissal (a person's later decision), then enrolled contacts; anything else is open.
 */
export function playStatus(play: SnapshotPlay, ledger: readonly LedgerEntry[]): PlayState {
  const entries = playEntries(play, ledger);
  const task = entries.find((e) => e.kind === 'task' && e.status === 'done');
  if (task) return { status: 'task-created', taskId: task.hubspotId, dismissedBecause: null };
  const dismissed = entries.find(isDismissal);
  if (dismissed) {
    const because = dismissed.detail!.slice(DISMISSED.length);
    return { status: 'dismissed', taskId: null, dismissedBecause: because };
  }
  if (entries.some((e) => e.kind === 'enroll' && e.status === 'done'))
    return { status: 'enrolled', taskId: null, dismissedBecause: null };
  return { status: 'open', taskId: null, dismissedBecause: null };
}

export function isDismissal(entry: LedgerEntry): boolean {
  return entry.status === 'skipped' && (entry.detail ?? '').startsWith(DISMISSED);
}
