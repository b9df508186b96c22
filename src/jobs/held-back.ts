import { DateTime } from 'luxon';
import type { PlaySettings } from '../plays/play-types.ts';
import type { PlaysEffect } from './apply-plays.ts';

/** A task a daily cap holds back, as the run summary lists it. */
export interface HeldBack extends PlaysEffect {
  ownerId: string | null;
  reason: string;
  /** The start of the next day in the portal's zone: the first run from then releases it. */
  releaseAt: string;
}

/** Why the task waits and when it may go out, for a task held back at `now`. */
export function heldBack(
  task: PlaysEffect & { ownerId: string | null },
  settings: Pick<PlaySettings, 'timeZone' | 'dailyTaskCapPerOwner'>,
  now: Date,
): HeldBack {
  const cap = settings.dailyTaskCapPerOwner;
  return {
    companyId: task.companyId,
    ruleId: task.ruleId,
    key: task.key,
    ownerId: task.ownerId,
    reason: `Owner ${task.ownerId} already has ${cap} new tasks today (plays.dailyTaskCapPerOwner); released tomorrow.`,
    releaseAt: DateTime.fromJSDate(now, { zone: settings.timeZone })
      .startOf('day')
      .plus({ days: 1 })
      .toUTC()
      .toISO()!,
  };
}
