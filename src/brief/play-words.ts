import { TRACK_KINDS, type TrackState } from '../plays/play-types.ts';
import type { BriefInput, BriefPlay } from './brief-input.ts';
import { dayOf, instantMs } from './brief-words.ts';

/** A play's outcome as a CSM reads it. */
export function playStatusWords(play: BriefPlay): string {
  const detail = play.detail ? `: ${play.detail}` : '';
  switch (play.status) {
    case 'intent':
      return 'planned, not made in HubSpot yet';
    case 'done':
      if (play.kind === 'enroll') return 'contact enrolled in the sequence';
      return play.kind === 'note' ? 'note added in HubSpot' : 'task made in HubSpot';
    case 'held':
      return "waiting for the owner's daily task limit";
    case 'skipped':
      return `skipped${detail}`;
    case 'failed':
      return `failed${detail}`;
  }
}

/** "2026-11-20: Save the account: work the save playbook (task made in HubSpot)." */
export function playLine(play: BriefPlay, timeZone: string): string {
  return `${dayOf(play.at, timeZone)}: ${play.title} (${playStatusWords(play)}).`;
}

const TRACK_NAMES: Record<TrackState['kind'], string> = {
  save: 'Save effort',
  renewal: 'Renewal track',
  expansion: 'Expansion track',
};

/** One line per open track: since when, and what last fed it. */
export function trackLines(input: BriefInput): string[] {
  return TRACK_KINDS.flatMap((kind) => {
    const state = input.tracks[kind];
    if (!state) return [];
    const latest = [...state.triggers].sort((a, b) => instantMs(a.at) - instantMs(b.at)).at(-1);
    const since = `${TRACK_NAMES[kind]} open since ${dayOf(state.openedAt, input.timeZone)}`;
    // A trigger's words often name their own date already.
    const on = latest && dayOf(latest.at, input.timeZone);
    const why = !latest
      ? ''
      : latest.why.includes(on!)
        ? `: ${latest.why}`
        : `: ${latest.why} (${on})`;
    // Only baseline triggers so far: Vitals recorded what it found and made no task for it.
    const task = state.task ? '' : ' No task yet: it was already so when Vitals started watching.';
    return [`${since}${why}.${task}`];
  });
}
