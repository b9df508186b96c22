import { DateTime } from 'luxon';
import { inZone } from '../plays/local-time.ts';

// Lifecycle plays count in calendar days of the portal's zone: "day 7 of onboarding" is the
// seventh local date after the start, whatever the hour the account was signed.

// HubSpot keeps a date property (no time) as midnight UTC of that date: that is the date meant,
// wherever the portal is. Shifted into a zone west of UTC it would read as the day before.
const DATE_ONLY = /^(\d{4}-\d{2}-\d{2})(T00:00(:00(\.000)?)?Z)?$/;

/** The local date (YYYY-MM-DD) of an instant, or null when it is unreadable. A date property's
 * value (midnight UTC) is its own date. */
export function localDay(iso: string | null | undefined, timeZone: string): string | null {
  if (!iso) return null;
  const dateOnly = DATE_ONLY.exec(iso);
  if (dateOnly) return dateOnly[1]!;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return inZone(at, timeZone).toISODate();
}

export function today(now: Date, timeZone: string): string {
  return inZone(now, timeZone).toISODate()!;
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
