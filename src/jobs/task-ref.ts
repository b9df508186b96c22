import { TRACK_KINDS, type TaskTrack, type TrackKind } from '../plays/play-types.ts';
import { trackOfSubject } from './track-of-subject.ts';

/** One word (to HubSpot's search) that every task Vitals makes carries on its last line. */
export const VITALS_TASK_TAG = 'VitalsTask';

/**
 * The last line of a task's body: the marker (how a run that crashed finds the task again), then
 * the tag and the track (how Vitals finds its open tasks when its store was lost).
 */
export function taskRefLine(marker: string, track: TaskTrack, managerCopy: boolean): string {
  return `Ref: ${marker} #${VITALS_TASK_TAG} ${track}${managerCopy ? ' escalation' : ''}`;
}

/** What a task Vitals made says of itself. */
export interface TaskRef {
  marker: string;
  /** Null when neither its body nor its subject tells (an old task a person retitled). */
  track: TrackKind | null;
  /** The copy an escalation gives the owner's manager. */
  managerCopy: boolean;
}

const MARKER = /Ref: (vt[0-9a-f]{16})\b/;
const TAG = new RegExp(`#${VITALS_TASK_TAG} (${TRACK_KINDS.join('|')})( escalation)?`);

/**
 * The task's reference, or null when Vitals did not make it. A task made before the tag existed
 * is told by its subject.
 */
export function readTaskRef(subject: string, body: string): TaskRef | null {
  const marker = MARKER.exec(body)?.[1];
  if (marker === undefined) return null;
  // A lifecycle play's task stands alone: no track for a rebuilt store to give it back to.
  if (body.includes(`#${VITALS_TASK_TAG} lifecycle`))
    return { marker, track: null, managerCopy: false };
  const tag = TAG.exec(body);
  if (tag) return { marker, track: tag[1] as TrackKind, managerCopy: tag[2] !== undefined };
  const bySubject = trackOfSubject(subject);
  return bySubject ? { marker, ...bySubject } : { marker, track: null, managerCopy: false };
}
