import type { Gateway } from '../hubspot/create-gateway.ts';
import type { HubSpotRecord } from '../hubspot/record-schema.ts';
import type { TrackKind } from '../plays/play-types.ts';
import { parseTimestamp } from '../signals/parse-timestamp.ts';
import type { Store, TrackAdoption } from '../store/store.ts';
import { adoptedTrack, type FoundTrackTasks } from './adopted-track.ts';
import { readTaskRef, VITALS_TASK_TAG, type TaskRef } from './task-ref.ts';

export type AdoptionGateway = Pick<Gateway, 'findOpenTasks' | 'readAssociations' | 'readCompanies'>;

export interface AdoptionContext {
  gateway: AdoptionGateway;
  store: Pick<Store, 'adoptTracks'>;
  portal: string;
  timeZone: string;
  /** The company property with the renewal date (a renewal track's episode); null: none. */
  renewalDateProperty: string | null;
  now: Date;
}

export interface AdoptionReport {
  /** Open Vitals tasks now in the ledger as their tracks' tasks. */
  tasks: number;
  /** Open Vitals tasks left as they are: a second one of a track, or one whose track or company
   * cannot be told, or one the ledger knew already. */
  leftAlone: number;
}

// Tasks made before the tag carry only their marker, "vt" and 16 hex digits.
const OLD_MARKER = 'vt*';

/**
 * Finds the open tasks Vitals made in the portal (by the tag on their last line, or the marker of
 * older ones) and makes each its track's task again: the ledger records it as done and the
 * company's play state has the track open with it. What a lost store forgot is then neither made
 * twice nor left behind: the next trigger rewrites the task, the end of the episode completes it.
 */
export async function adoptOpenTasks(ctx: AdoptionContext): Promise<AdoptionReport> {
  const found = (await ctx.gateway.findOpenTasks([VITALS_TASK_TAG, OLD_MARKER])).flatMap((task) => {
    const ref = readTaskRef(
      task.properties.hs_task_subject ?? '',
      task.properties.hs_task_body ?? '',
    );
    return ref ? [{ task, ref }] : [];
  });
  const ids = found.map((f) => f.task.id);
  const companyOf =
    ids.length > 0
      ? await ctx.gateway.readAssociations('tasks', 'companies', ids)
      : new Map<string, string[]>();
  const groups = byTrack(found, companyOf);
  const renewals = await renewalDates(ctx, groups);
  const adoptions = groups.flatMap((g): TrackAdoption[] => {
    const adoption = adoptedTrack(
      { ...g, renewalDate: renewals.get(g.companyId) ?? null },
      ctx.timeZone,
      ctx.now,
    );
    return adoption ? [adoption] : [];
  });
  const tasks = await ctx.store.adoptTracks(ctx.portal, adoptions, ctx.now.toISOString());
  return { tasks, leftAlone: found.length - tasks };
}

type Group = Omit<FoundTrackTasks, 'renewalDate'>;

/** Per company and track, the newest owner's task and the newest manager's copy. */
function byTrack(
  found: readonly { task: HubSpotRecord; ref: TaskRef }[],
  companyOf: ReadonlyMap<string, string[]>,
): Group[] {
  const groups = new Map<
    string,
    { companyId: string; track: TrackKind; owner: HubSpotRecord[]; manager: HubSpotRecord[] }
  >();
  for (const { task, ref } of found) {
    const companyId = companyOf.get(task.id)?.[0];
    if (companyId === undefined || ref.track === null) continue;
    const key = `${companyId}:${ref.track}`;
    const group = groups.get(key) ?? { companyId, track: ref.track, owner: [], manager: [] };
    (ref.managerCopy ? group.manager : group.owner).push(task);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap((g) => {
    const owner = newest(g.owner);
    return owner
      ? [{ companyId: g.companyId, track: g.track, owner, manager: newest(g.manager) ?? null }]
      : [];
  });
}

function newest(tasks: readonly HubSpotRecord[]): HubSpotRecord | undefined {
  const made = (t: HubSpotRecord) => Date.parse(t.properties.hs_createdate ?? '') || 0;
  return [...tasks].sort((a, b) => made(b) - made(a) || Number(b.id) - Number(a.id))[0];
}

async function renewalDates(
  ctx: AdoptionContext,
  groups: readonly Group[],
): Promise<Map<string, string>> {
  const property = ctx.renewalDateProperty;
  const ids = [...new Set(groups.filter((g) => g.track === 'renewal').map((g) => g.companyId))];
  if (property === null || ids.length === 0) return new Map();
  const companies = await ctx.gateway.readCompanies(ids, [property]);
  return new Map(
    companies.flatMap((c) => {
      // As the plays read it (play-facts.ts), so the episode matches the account's date.
      const ms = parseTimestamp(c.properties[property] ?? '');
      return ms === null ? [] : [[c.id, new Date(ms).toISOString().slice(0, 10)] as const];
    }),
  );
}
