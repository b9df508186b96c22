import type { DateTime } from 'luxon';
import { inZone } from './local-time.ts';
import type { PlaySettings } from './play-types.ts';
import type { Due } from './rule-types.ts';

/**
 * A "same day" task found in the last two hours of the workday (from 16:00 with the default end
 * at 18:00) has too little of the day left to act on: it is due the next business morning.
 */
const SAME_DAY_CUTOFF_HOURS_BEFORE_END = 2;

type DueSettings = Pick<
  PlaySettings,
  'timeZone' | 'workdayStartHour' | 'workdayEndHour' | 'nextTouchpointDays'
>;
type Workday = { start: number; end: number };

/**
 * When a task is due: always in business hours (Monday to Friday, from the start to the end of
 * the workday, in the portal's zone). Hours are elapsed time and days keep the wall-clock time
 * (so a week is 7 × 24 h ± 1 across a DST change); a time that falls outside business hours moves
 * to the next business morning. Elapsed rather than business hours keep "24 h" predictable.
 */
export function dueAt(due: Due, now: Date, settings: DueSettings): Date {
  const local = inZone(now, settings.timeZone);
  const workday = workdayOf(settings);
  switch (due.kind) {
    case 'same-day':
      return sameDay(local, workday).toJSDate();
    case 'hours':
      return inBusinessHours(local.plus({ hours: due.hours }), workday).toJSDate();
    case 'days':
      return inBusinessHours(local.plus({ days: due.days }), workday).toJSDate();
    case 'next-touchpoint':
      return inBusinessHours(local.plus({ days: settings.nextTouchpointDays }), workday).toJSDate();
    case 'business-days':
      return atHour(addBusinessDays(local, due.days), workday.end).toJSDate();
  }
}

/** "24 h", "1 week", "5 business days (by 18:00)": the response time as people say it. */
export function describeDue(due: Due, settings: DueSettings): string {
  const start = clock(settings.workdayStartHour);
  const end = clock(settings.workdayEndHour);
  const cutoff = clock(sameDayCutoff(workdayOf(settings)));
  const outside = `outside Mon–Fri ${start}–${end}: the next business morning`;
  switch (due.kind) {
    case 'same-day':
      return `same day (by ${end}; from ${cutoff} or on a weekend, the next business morning at ${start})`;
    case 'hours':
      return `${due.hours} h (${outside})`;
    case 'days':
      return `${inWords(due.days)} (${outside})`;
    case 'next-touchpoint':
      return `next touchpoint (${inWords(settings.nextTouchpointDays)}; ${outside})`;
    case 'business-days':
      return `${due.days} business days (by ${end})`;
  }
}

function workdayOf(settings: DueSettings): Workday {
  return { start: settings.workdayStartHour, end: settings.workdayEndHour };
}

/** Today by the end of the workday, unless too little of it is left or today is no workday. */
function sameDay(local: DateTime, workday: Workday): DateTime {
  const inTime = local < atHour(local, sameDayCutoff(workday));
  return isBusinessDay(local) && inTime
    ? atHour(local, workday.end)
    : nextBusinessMorning(local, workday);
}

/** Never before the start, so a short workday still gets "same day" before it begins. */
function sameDayCutoff(workday: Workday): number {
  return Math.max(workday.start, workday.end - SAME_DAY_CUTOFF_HOURS_BEFORE_END);
}

/** The time itself when it is in business hours (the end included), else the next start. */
function inBusinessHours(at: DateTime, workday: Workday): DateTime {
  if (!isBusinessDay(at) || at > atHour(at, workday.end)) return nextBusinessMorning(at, workday);
  const start = atHour(at, workday.start);
  return at < start ? start : at;
}

function nextBusinessMorning(from: DateTime, workday: Workday): DateTime {
  return atHour(addBusinessDays(from, 1), workday.start);
}

function isBusinessDay(day: DateTime): boolean {
  return day.weekday <= 5;
}

function atHour(day: DateTime, hour: number): DateTime {
  return day.set({ hour, minute: 0, second: 0, millisecond: 0 });
}

function clock(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

function inWords(days: number): string {
  if (days % 7 === 0) return days === 7 ? '1 week' : `${days / 7} weeks`;
  return days === 1 ? '1 day' : `${days} days`;
}

/** Saturdays and Sundays do not count; counting starts the day after today. */
function addBusinessDays(from: DateTime, days: number): DateTime {
  let day = from;
  let left = days;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (isBusinessDay(day)) left -= 1;
  }
  return day;
}
