import type { Judgement } from '../plays/judge-rule.ts';
import type { OpenTracks, PlayInput, TrackState } from '../plays/play-types.ts';
import { shownDate } from '../plays/shown-date.ts';

export const CHECK_IN_RULE = 'cadence-check-in';

/**
 * While a track's task (save, renewal or expansion) made since the last touch is open, it is the
 * call to make: a check-in task beside it would ask the rep for the same call twice. Once a touch
 * is logged, the cadence (daily while critical, weekly while at risk) takes over again.
 */
export function saveCoversCheckIn(
  judgement: Judgement,
  tracks: OpenTracks,
  input: PlayInput,
): Judgement {
  if (judgement.rule.id !== CHECK_IN_RULE || judgement.episode === null) return judgement;
  const covering = coveringTrack(tracks, input);
  if (!covering?.taskAt) return judgement;
  return {
    ...judgement,
    episode: null,
    quietStart: false,
    why: `${judgement.why}; the ${covering.kind} task of ${shownDate(covering.taskAt, input.settings.timeZone)} covers the call until a touch is logged`,
  };
}

/** The open track whose task was made since the last touch: the call it asks for is the check-in. */
export function coveringTrack(tracks: OpenTracks, input: PlayInput): TrackState | undefined {
  const lastTouch = input.account.lifecycle?.lastTouchAt ?? null;
  return Object.values(tracks).find(
    (t) =>
      t.task &&
      t.taskAt !== undefined &&
      (lastTouch === null || Date.parse(lastTouch) <= Date.parse(t.taskAt)),
  );
}
