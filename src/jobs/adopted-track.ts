import type { HubSpotRecord } from '../hubspot/record-schema.ts';
import { daysBetween, inZone } from '../plays/local-time.ts';
import type {
  Priority,
  TaskAction,
  TaskType,
  TrackKind,
  TrackState,
  TrackTrigger,
} from '../plays/play-types.ts';
import { CHECKPOINT_DAYS } from '../plays/save-playbook.ts';
import { TRACK_PLAY } from '../plays/track-ids.ts';
import type { TrackAdoption } from '../store/store.ts';
import { adoptionTrigger } from './keep-adopted-tasks.ts';

/** One track's open tasks as found in HubSpot: the owner's task and the manager's copy. */
export interface FoundTrackTasks {
  companyId: string;
  track: TrackKind;
  owner: HubSpotRecord;
  manager: HubSpotRecord | null;
  /** The company's renewal date, for a renewal track: its episode. */
  renewalDate: string | null;
}

const PRIORITIES: readonly Priority[] = ['HIGH', 'MEDIUM', 'LOW'];
const TYPES: readonly TaskType[] = ['CALL', 'EMAIL', 'TODO'];

/**
 * The open track a found task stands for, as the plays core keeps it, so the next trigger
 * rewrites this task instead of making another. The episode is the one the track had as near as
 * the task tells it: a renewal's date, else the local time the task was made. Checkpoints of a
 * save episode that have passed are recorded as passed, so none goes out again; what else holds
 * at the first evaluation is recorded as already so (keepAdoptedTasks).
 */
export function adoptedTrack(
  found: FoundTrackTasks,
  timeZone: string,
  now: Date,
): TrackAdoption | null {
  const madeAt = instant(found.owner.properties.hs_createdate);
  if (madeAt === null) return null;
  const episode =
    found.track === 'renewal' ? found.renewalDate : localSecond(new Date(madeAt), timeZone);
  if (episode === null) return null;
  const key = `${found.companyId}:${TRACK_PLAY[found.track].id}:${episode}`;
  const owner = taskAction(found, found.owner, key, episode, madeAt);
  const track: TrackState = {
    kind: found.track,
    episode,
    openedAt: madeAt,
    triggers: [
      adoptionTrigger(now.toISOString(), owner.priority),
      ...(found.track === 'save' ? passedCheckpoints(owner.priority, madeAt, now) : []),
    ],
    priority: owner.priority,
    dueAt: owner.dueAt,
    taskAt: madeAt,
    task: true,
    manager: found.manager !== null,
  };
  const tasks = [{ action: owner, hubspotId: found.owner.id, createdAt: madeAt }];
  if (found.manager) {
    const copy = taskAction(found, found.manager, `${key}:manager`, episode, madeAt);
    const at = instant(found.manager.properties.hs_createdate) ?? madeAt;
    tasks.push({
      action: { ...copy, route: 'manager' },
      hubspotId: found.manager.id,
      createdAt: at,
    });
  }
  return { companyId: found.companyId, track, tasks };
}

function taskAction(
  found: FoundTrackTasks,
  task: HubSpotRecord,
  key: string,
  episode: string,
  madeAt: string,
): TaskAction {
  const p = task.properties;
  return {
    kind: 'task',
    track: found.track,
    ruleId: TRACK_PLAY[found.track].id,
    episode,
    key,
    companyId: found.companyId,
    ownerId: p.hubspot_owner_id || null,
    route: 'owner',
    priority: oneOf(PRIORITIES, p.hs_task_priority, 'MEDIUM'),
    type: oneOf(TYPES, p.hs_task_type, 'TODO'),
    subject: p.hs_task_subject ?? TRACK_PLAY[found.track].title,
    body: plainText(p.hs_task_body ?? ''),
    dueAt: instant(p.hs_timestamp) ?? madeAt,
    contactIds: [],
  };
}

function passedCheckpoints(priority: Priority, madeAt: string, now: Date): TrackTrigger[] {
  const days = daysBetween(new Date(madeAt), now);
  return CHECKPOINT_DAYS.filter((day) => days >= day).map((day) => ({
    ruleId: `checkpoint-${day}`,
    episode: String(day),
    at: now.toISOString(),
    why: `day ${day} of the save episode passed before Vitals found its task again`,
    priority,
    baseline: true,
  }));
}

/** As decide-tracks.ts keys a save or expansion episode: to the second, in the portal's time. */
function localSecond(at: Date, timeZone: string): string {
  return inZone(at, timeZone).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

function instant(value: string | null | undefined): string | null {
  const time = value ? new Date(/^\d+$/.test(value) ? Number(value) : value) : null;
  return time && !Number.isNaN(time.getTime()) ? time.toISOString() : null;
}

function oneOf<T extends string>(
  allowed: readonly T[],
  value: string | null | undefined,
  or: T,
): T {
  return allowed.includes(value as T) ? (value as T) : or;
}

/** HubSpot's rich text back to lines, without the reference line. */
function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/p>\s*<p>/g, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\n*Ref: vt[0-9a-f]+[^\n]*$/, '')
    .trim();
}
