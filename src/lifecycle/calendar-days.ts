import { DateTime } from 'luxon';
import { parseInstant } from '../plays/local-time.ts';
import { shownDate } from '../plays/shown-date.ts';

// Lifecycle plays count in calendar days of the portal's zone: "day 7 of onboarding" is the
// seventh local date after the start, whatever the hour the account was signed.

/** The local date (YYYY-MM-DD) of an instant, or null when it is unreadable. A date property's
 * value (midnight UTC) is its own date (see shownDate). */
export function localDay(iso: string | null | undefined, timeZone: string): string | null {
  const at = parseInstant(iso);
  return at === null ? null : shownDate(at.toISOString(), timeZone);
}

/** A date `days` calendar days later (earlier when negative). */
export function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** The same day `months` calendar months later; the 31st falls back to the month's last day. */
export function plusMonths(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ months }).toISODate()!;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone: 'utc' });
  const b = DateTime.fromISO(to, { zone: 'utc' });
  return Math.round(b.diff(a, 'days').days);
}

/** The first Monday-to-Friday date of the month `date` falls in. */
export function firstBusinessDay(date: string): string {
  let day = DateTime.fromISO(date, { zone: 'utc' }).startOf('month');
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

/** "2026-11": the month before the one `date` falls in. */
export function previousMonth(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).minus({ months: 1 }).toFormat('yyyy-MM');
}
