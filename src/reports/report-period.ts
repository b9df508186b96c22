import { DAY_MS } from './account-at.ts';

export interface ReportPeriod {
  /** The first and last instant counted, in ms. */
  start: number;
  end: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A period from `from` to `to`, both included. A bare date means its whole day (UTC): `to`
 * 2025-03-31 counts every change made on the 31st. Anything else must be an ISO time.
 */
export function reportPeriod(from: string, to: string): ReportPeriod {
  const start = instant(from, 'from');
  const end = DATE.test(to) ? instant(to, 'to') + DAY_MS - 1 : instant(to, 'to');
  if (end < start)
    throw new RangeError(`The period ends (${to}) before it starts (${from}): swap the dates.`);
  return { start, end };
}

function instant(value: string, name: string): number {
  const at = Date.parse(value);
  const real = !DATE.test(value) || new Date(at).toISOString().slice(0, 10) === value;
  if (Number.isNaN(at) || !real)
    throw new RangeError(`"${value}" is not a date (${name}): write it as YYYY-MM-DD.`);
  return at;
}
