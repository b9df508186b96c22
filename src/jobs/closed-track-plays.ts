import { TRACK_PLAY } from '../plays/track-ids.ts';
import type { LedgerEntry } from '../store/store.ts';
import type { PlayRef, SnapshotPlay } from './card-snapshot.ts';

/** Days a track's play stays on the card after Vitals completed its task. */
export const CLOSED_SHOWN_DAYS = 7;

const DAY_MS = 86_400_000;
const WHY_NOW = /^Why now: (.+?)\.?$/m;

/**
 * The tracks whose episode ended lately, as plays: the run that ends an episode saves a snapshot
 * without it, yet the CSM should see for a while that Vitals completed the task, and why. A
 * track the snapshot lists (a new episode) is left to it.
 */
export function closedTrackPlays(
  listed: readonly Pick<PlayRef, 'id'>[],
  ledger: readonly LedgerEntry[],
  now: Date,
): SnapshotPlay[] {
  const since = now.getTime() - CLOSED_SHOWN_DAYS * DAY_MS;
  const plays: SnapshotPlay[] = [];
  for (const { id, title } of Object.values(TRACK_PLAY)) {
    if (listed.some((p) => p.id === id)) continue;
    // The ledger comes newest first: the rule's first entry is of its latest episode.
    const episode = ledger.find((e) => e.ruleId === id)?.episode;
    const close = ledger.find(
      (e) =>
        e.ruleId === id &&
        e.episode === episode &&
        e.key.endsWith(':close') &&
        !e.key.endsWith(':manager:close') &&
        e.status === 'done',
    );
    if (!close || Date.parse(close.doneAt ?? close.updatedAt) < since) continue;
    const body = close.action.kind === 'task-update' ? close.action.body : '';
    const why = WHY_NOW.exec(body)?.[1] ?? 'Its episode has ended.';
    plays.push({ id, title, why, priority: 'LOW', dueAt: null, actions: [] });
  }
  return plays;
}
