import { DateTime } from 'luxon';

/** When the day that contains `now` began in the portal's time zone, as an ISO instant. */
export function startOfDay(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).startOf('day').toUTC().toISO()!;
}
