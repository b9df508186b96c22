import type { PlayInput, Priority } from '../../../src/plays/play-types.ts';

// NOW is Wednesday 2025-03-12 10:00 in Berlin (09:00 UTC); business hours are Mon–Fri
// 08:00–17:00 there (07:00–16:00 UTC until the clocks change on 30 March).
export const SAME_DAY = '2025-03-12T16:00:00.000Z';
export const IN_24H = '2025-03-13T09:00:00.000Z';
export const IN_48H = '2025-03-14T09:00:00.000Z';
/** Saturday: the next business morning, Monday 08:00. */
export const IN_3_DAYS = '2025-03-17T07:00:00.000Z';
export const IN_1_WEEK = '2025-03-19T09:00:00.000Z';
export const IN_2_WEEKS = '2025-03-26T09:00:00.000Z';
/** settings.nextTouchpointDays = 10: Saturday the 22nd, so Monday 08:00. */
export const NEXT_TOUCHPOINT = '2025-03-24T07:00:00.000Z';
export const IN_2_BUSINESS_DAYS = '2025-03-14T16:00:00.000Z';
export const IN_5_BUSINESS_DAYS = '2025-03-19T16:00:00.000Z';

/** How one rule is shown to fire, to stay quiet, to act once, and when its task is due. */
export interface Scenario {
  /** The rule fires, and is the only new trigger of its track. */
  fires: Partial<PlayInput>;
  quiet: Partial<PlayInput>;
  once: 'crossing' | 'event';
  priority: Priority;
  /** Its track's task's due time when it is the task's only trigger; null for enrol-only rules. */
  due: string | null;
}

/** The YYYY-MM-DD date `days` calendar days after NOW's date in Berlin (2025-03-12). */
export function daysOut(days: number): string {
  return new Date(Date.UTC(2025, 2, 12 + days)).toISOString().slice(0, 10);
}
