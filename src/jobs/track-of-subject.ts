import type { TrackKind, TrackTrigger } from '../plays/play-types.ts';
import { RULES } from '../plays/rules.ts';
import { trackSpec } from '../plays/track-body.ts';
import { TRACK_PLAY } from '../plays/track-ids.ts';

const ESCALATION = 'Escalation: ';
// How track-task.ts writes a subject: the play's subject, then the account's name.
const NAME_SEPARATOR = ' — ';

/**
 * The track of a task Vitals made before its body named the track, told by its subject: every
 * task subject a rule, a checkpoint or a track can give, mapped to its track. Null when the
 * subject is none of them (a person rewrote it, or a later version changed the words).
 */
export function trackOfSubject(subject: string): { track: TrackKind; managerCopy: boolean } | null {
  const managerCopy = subject.startsWith(ESCALATION);
  const own = managerCopy ? subject.slice(ESCALATION.length) : subject;
  const cut = own.indexOf(NAME_SEPARATOR);
  const track = SUBJECTS.get(cut < 0 ? own : own.slice(0, cut));
  return track === undefined ? null : { track, managerCopy };
}

const SUBJECTS: ReadonlyMap<string, TrackKind> = subjectTracks();

function subjectTracks(): Map<string, TrackKind> {
  const found = new Map<string, TrackKind | null>();
  const add = (subject: string, track: TrackKind) =>
    // A subject two tracks share tells neither.
    found.set(subject, found.has(subject) && found.get(subject) !== track ? null : track);
  for (const rule of RULES)
    for (const action of rule.actions)
      if (action.kind === 'task' && rule.track) add(action.subject, rule.track);
  const checkpoint: TrackTrigger = {
    ruleId: 'checkpoint-30',
    episode: '30',
    at: '',
    why: '',
    priority: 'LOW',
  };
  add(trackSpec('save', checkpoint).subject, 'save');
  for (const [track, play] of Object.entries(TRACK_PLAY)) add(play.title, track as TrackKind);
  return new Map(
    [...found].flatMap(([subject, track]) => (track === null ? [] : [[subject, track] as const])),
  );
}
