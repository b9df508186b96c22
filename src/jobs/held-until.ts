import { DateTime } from 'luxon';

/**
 * When a task held by a daily cap at `heldAt` goes out: the first run of the next day in the
 * portal's time zone releases it (releaseHeld in src/jobs/apply-plays.ts), so the start of that day.
 */
export function heldUntil(heldAt: string, timeZone: string): string | null {
  const day = DateTime.fromISO(heldAt, { zone: timeZone });
  if (!day.isValid) return null;
  return day.plus({ days: 1 }).startOf('day').toUTC().toISO();
}
