import type { EnrollAction, TaskAction } from '../plays/play-types.ts';
import type { LedgerEntry } from '../store/store.ts';
import type { PlayRef, SnapshotPlay } from './card-snapshot.ts';

/**
 * The ledger entries of a play: those of the actions its run planned, or, for a play that
 * fired on an earlier run and still holds, those of its rule's latest episode (the ledger comes
 * newest first).
 */
export function playEntries(
  play: Pick<PlayRef, 'id' | 'actions'>,
  ledger: readonly LedgerEntry[],
): LedgerEntry[] {
  if (play.actions.length > 0) {
    const keys = new Set(play.actions.map((a) => a.key));
    return ledger.filter((e) => keys.has(e.key));
  }
  const own = ledger.filter(
    (e) => e.ruleId === play.id && (e.kind === 'task' || e.kind === 'enroll'),
  );
  const episode = own[0]?.episode;
  return own.filter((e) => e.episode === episode);
}

/** The tasks and enrolments of a play, as planned: from the snapshot, else from the ledger. */
export function playActions(
  play: SnapshotPlay,
  ledger: readonly LedgerEntry[],
): (TaskAction | EnrollAction)[] {
  if (play.actions.length > 0) return play.actions;
  return playEntries(play, ledger).flatMap((e) =>
    e.action.kind === 'task' || e.action.kind === 'enroll' ? [e.action] : [],
  );
}
