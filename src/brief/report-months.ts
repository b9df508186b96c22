import { inZone } from '../plays/local-time.ts';

export interface ReportMonth {
  /** "November 2026". */
  label: string;
  /** "November". */
  name: string;
  /** Local midnight on the 1st, and on the 1st of the next month (exclusive). */
  start: Date;
  end: Date;
}

/**
 * The month just ended and the one before it, by the portal's calendar: at 9 pm on 30 November
 * in Los Angeles it is still November there, so the month just ended is October, whatever UTC
 * says.
 */
export function reportMonths(
  now: Date,
  timeZone: string,
): { month: ReportMonth; before: ReportMonth } {
  const thisMonth = inZone(now, timeZone).startOf('month');
  const month = thisMonth.minus({ months: 1 });
  const before = thisMonth.minus({ months: 2 });
  const of = (start: typeof thisMonth, end: typeof thisMonth): ReportMonth => ({
    label: start.setLocale('en-US').toFormat('LLLL yyyy'),
    name: start.setLocale('en-US').toFormat('LLLL'),
    start: start.toJSDate(),
    end: end.toJSDate(),
  });
  return { month: of(month, thisMonth), before: of(before, month) };
}
