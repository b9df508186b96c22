import { DateTime } from 'luxon';

/**
 * When a month rebuilt from HubSpot's property history is read: mid-month, as a run in that month
 * would have read it. The same instant for every company, so a month's readings agree.
 */
export function historyReadingAt(month: string): Date {
  return new Date(`${month}-15T06:00:00.000Z`);
}

/** The month `by` months after `month` (before, when negative); months are 'YYYY-MM'. */
export function shiftMonth(month: string, by: number): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' })
    .plus({ months: by })
    .toFormat('yyyy-MM');
}
