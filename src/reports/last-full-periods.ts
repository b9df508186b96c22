import { localDate } from '../plays/local-time.ts';

/** A calendar period as the retention report takes it: whole days, both ends included. */
export interface CalendarPeriod {
  label: string;
  from: string;
  to: string;
}

/** The months' names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The last calendar month and quarter that ended before `asOf`'s day in the portal's time zone:
 * on 2025-06-02 they are May 2025 and Q1 2025. The dates are what `vitals report retention
 * --from --to` takes, so the page and the command agree.
 */
export function lastFullPeriods(
  asOf: Date,
  timeZone: string,
): { month: CalendarPeriod; quarter: CalendarPeriod } {
  const [year, month] = localDate(asOf, timeZone).split('-').map(Number) as [number, number];
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const quarter = Math.floor((month - 1) / 3); // 0–3, the current one
  const last = quarter === 0 ? { year: year - 1, quarter: 4 } : { year, quarter };
  const firstMonth = (last.quarter - 1) * 3 + 1;
  return {
    month: {
      label: `${MONTH_NAMES[previous.month - 1]} ${previous.year}`,
      from: day(previous.year, previous.month, 1),
      to: day(previous.year, previous.month, daysIn(previous.year, previous.month)),
    },
    quarter: {
      label: `Q${last.quarter} ${last.year}`,
      from: day(last.year, firstMonth, 1),
      to: day(last.year, firstMonth + 2, daysIn(last.year, firstMonth + 2)),
    },
  };
}

function daysIn(year: number, month: number): number {
  // Day 0 of the next month is this month's last day.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function day(year: number, month: number, date: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}
