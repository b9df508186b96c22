import { DateTime } from 'luxon';
import type { RescoreSummary } from '../../src/jobs/run-rescore.ts';
import type { TrackKind } from '../../src/plays/play-types.ts';
import { TRACK_PLAY } from '../../src/plays/track-ids.ts';
import { leadTrigger } from '../../src/plays/track-trigger.ts';
import { SANDBOX_DEFAULTS } from '../../src/sandbox/sandbox-defaults.ts';
import { mulberry32 } from './mulberry32.ts';
import { driftOneDay, type DriftDay } from './plays-trust-drift.ts';
import {
  busiestDueDay,
  dueOutsideBusinessHours,
  mostOpenPerOwnerAndCompany,
  vitalsTasks,
  type MostOf,
  type PortalTask,
} from './plays-trust-portal.ts';
import type { PlaysTrustWorld } from './plays-trust-world.ts';

/** One run and what the sandbox portal held after it. */
export interface Day {
  at: DateTime;
  summary: RescoreSummary;
  drift: DriftDay | null;
  tasks: PortalTask[];
  mostOpen: MostOf;
  /** The most open tasks one owner has due on one day. */
  busiestDue: MostOf;
  dueOutside: PortalTask[];
  /** New tasks by the rule each leads with (what its subject says). */
  createdBy: Map<string, number>;
  /** Task updates by the trigger that caused them. */
  updatedBy: Map<string, number>;
  /** Open tasks whose due time this run moved later, and how many were already due by the run. */
  dueLater: { moved: number; overdue: number };
}

const TRACK_OF = new Map(
  Object.entries(TRACK_PLAY).map(([kind, play]) => [play.id, kind as TrackKind]),
);

/** The demo portal's "today" (a Monday), 10:00 in the portal's time zone. */
export function firstRunAt(timeZone: string): DateTime {
  return DateTime.fromISO(`${SANDBOX_DEFAULTS.referenceDate}T10:00`, { zone: timeZone });
}

/**
 * The baseline run, the next day's run on the same data, then `driftDays` daily runs, each after
 * a seeded drift of the signals. The portal is read back after every run.
 */
export async function simulate(
  world: PlaysTrustWorld,
  driftDays: number,
  seed: number,
): Promise<Day[]> {
  const random = mulberry32(seed);
  const start = firstRunAt(world.settings.timeZone);
  const days: Day[] = [];
  const lastDue = new Map<number, string>();
  for (let day = 0; day < driftDays + 2; day++) {
    const at = start.plus({ days: day });
    const drift = day >= 2 ? await driftOneDay(world, random, at.toJSDate()) : null;
    const summary = await world.run(at.toJSDate());
    const tasks = vitalsTasks(world.db);
    days.push({
      at,
      summary,
      drift,
      tasks,
      mostOpen: mostOpenPerOwnerAndCompany(tasks),
      busiestDue: busiestDueDay(tasks, world.settings.timeZone),
      dueOutside: dueOutsideBusinessHours(tasks, world.settings),
      createdBy: await leadRules(world, summary, at.toJSDate()),
      updatedBy: tally(summary.plays.tasksUpdated.map((e) => /:update:([^:]+):/.exec(e.key)?.[1])),
      dueLater: movedLater(tasks, lastDue, at.toJSDate()),
    });
  }
  return days;
}

/** Open tasks due later than after the last run; `lastDue` is kept up to date. */
function movedLater(tasks: readonly PortalTask[], lastDue: Map<number, string>, now: Date) {
  const moved = { moved: 0, overdue: 0 };
  for (const t of tasks) {
    const before = lastDue.get(t.id);
    lastDue.set(t.id, t.dueAt);
    if (
      before === undefined ||
      t.status === 'COMPLETED' ||
      Date.parse(t.dueAt) <= Date.parse(before)
    )
      continue;
    moved.moved += 1;
    if (Date.parse(before) <= now.getTime()) moved.overdue += 1;
  }
  return moved;
}

/** The rule each new task of the run leads with, from the track it belongs to; a lifecycle
 * task (no track) is its own rule's. */
async function leadRules(world: PlaysTrustWorld, summary: RescoreSummary, now: Date) {
  const created = summary.plays.tasksCreated;
  const ids = [...new Set(created.map((e) => e.companyId))];
  const tracks = await world.store.openTracks('sandbox', ids);
  return tally(
    created.map((e) => {
      const kind = TRACK_OF.get(e.ruleId);
      if (!kind) return e.ruleId;
      const state = tracks.get(e.companyId)?.[kind];
      return state ? leadTrigger(state, now.toISOString())?.ruleId : undefined;
    }),
  );
}

function tally(keys: readonly (string | undefined)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key ?? '(unknown)', (counts.get(key ?? '(unknown)') ?? 0) + 1);
  return counts;
}

/** Counts added up over days, largest first. */
export function sumOf(maps: readonly ReadonlyMap<string, number>[]): [string, number][] {
  const sum = new Map<string, number>();
  for (const m of maps) for (const [k, v] of m) sum.set(k, (sum.get(k) ?? 0) + v);
  return [...sum].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
