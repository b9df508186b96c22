import type { DateTime } from 'luxon';
import { inZone } from './local-time.ts';
import type { PlaySettings } from './play-types.ts';
import type { Due } from './rule-types.ts';

const HOUR_MS = 3_600_000;
/** A "same day" task found after the end of the workday still gets a little time. */
const LATE_SAME_DAY_HOURS = 2;

type DueSettings = Pick<PlaySettings, 'timeZone' | 'workdayEndHour' | 'nextTouchpointDays'>;

/**
 * When a task is due. Hours are elapsed time; days keep the wall-clock time in the portal's zone
 * (so a week is 7 × 24 h ± 1 across a DST change); business days end at the end of the workday.
 */
export function dueAt(due: Due, now: Date, settings: DueSettings): Date {
  const local = inZone(now, settings.timeZone);
  switch (due.kind) {
    case 'same-day': {
      const end = endOfWorkday(local, settings.workdayEndHour);
      return end > local ? end.toJSDate() : new Date(now.getTime() + LATE_SAME_DAY_HOURS * HOUR_MS);
    }
    case 'hours':
      return new Date(now.getTime() + due.hours * HOUR_MS);
    case 'days':
      return local.plus({ days: due.days }).toJSDate();
    case 'next-touchpoint':
      return local.plus({ days: settings.nextTouchpointDays }).toJSDate();
    case 'business-days':
      return endOfWorkday(addBusinessDays(local, due.days), settings.workdayEndHour).toJSDate();
  }
}

/** "24 h", "1 week", "5 business days (by 17:00)": the response time as people say it. */
export function describeDue(due: Due, settings: DueSettings): string {
  const end = `${String(settings.workdayEndHour).padStart(2, '0')}:00`;
  switch (due.kind) {
    case 'same-day':
      return `same day (by ${end}, or within ${LATE_SAME_DAY_HOURS} h when later)`;
    case 'hours':
      return `${due.hours} h`;
    case 'days':
      return inWords(due.days);
    case 'next-touchpoint':
      return `next touchpoint (${inWords(settings.nextTouchpointDays)})`;
    case 'business-days':
      return `${due.days} business days (by ${end})`;
  }
}

function inWords(days: number): string {
  if (days % 7 === 0) return days === 7 ? '1 week' : `${days / 7} weeks`;
  return days === 1 ? '1 day' : `${days} days`;
}

function endOfWorkday(day: DateTime, hour: number): DateTime {
  return day.set({ hour, minute: 0, second: 0, millisecond: 0 });
}

/** Saturdays and Sundays do not count; counting starts the day after today. */
function addBusinessDays(from: DateTime, days: number): DateTime {
  let day = from;
  let left = days;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5) left -= 1;
  }
  return day;
}
