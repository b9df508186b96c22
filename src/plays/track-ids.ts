import type { TrackKind } from './play-types.ts';

/** Each track's task as a play of its own: the id in its ledger keys, the card and the API. */
export const TRACK_PLAY: Record<TrackKind, { id: string; title: string }> = {
  save: { id: 'save-playbook', title: 'Save the account: work the save playbook' },
  renewal: { id: 'renewal-plan', title: 'Renewal: work the renewal timeline' },
  expansion: { id: 'expansion-plan', title: 'Ready to grow: talk about what they need next' },
};

export const TRACK_PLAY_IDS: ReadonlySet<string> = new Set(
  Object.values(TRACK_PLAY).map((p) => p.id),
);
