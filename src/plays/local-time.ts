import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

// An evaluation asks for the same few instants in the same zone again and again, and luxon's
// zone-offset lookup is the slowest step of a play evaluation: keep recent answers.
const recent = new Map<string, DateTime>();
const KEPT = 256;

/** An instant as a wall-clock time in the portal's zone. */
export function inZone(at: Date, timeZone: string): DateTime {
  if (Number.isNaN(at.getTime())) throw new Error('Invalid date given as a time for the plays.');
  const key = `${at.getTime()}|${timeZone}`;
  const known = recent.get(key);
  if (known) return known;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) throw new Error(`Unknown time zone "${timeZone}": use an IANA name.`);
  if (recent.size >= KEPT) recent.clear();
  recent.set(key, local);
  return local;
}

/** YYYY-MM-DD in the portal's zone: the episode of a crossing. */
export function localDate(now: Date, timeZone: string): string {
  return inZone(now, timeZone).toISODate()!;
}

/** Whole calendar days from today (portal time) to a YYYY-MM-DD date; negative when past. */
export function daysUntil(date: string, now: Date, timeZone: string): number | null {
  const target = calendarDay(date);
  if (target === null) return null;
  return Math.round((target - calendarDay(localDate(now, timeZone))!) / DAY_MS);
}

/** A YYYY-MM-DD date as a day number (UTC midnight), or null when it is no real date. */
function calendarDay(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day ? ms : null;
}

/** A parsed ISO instant, or null when the shell gave something unreadable. */
export function parseInstant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function daysBetween(earlier: Date, later: Date): number {
  return (later.getTime() - earlier.getTime()) / DAY_MS;
}

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
