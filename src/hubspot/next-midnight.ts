const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The first midnight after `now` in an IANA time zone, as an instant. HubSpot resets a portal's
 * daily API limit at midnight in the portal's time zone
 * (https://developers.hubspot.com/docs/api/usage-details#rate-limits).
 * Throws a RangeError for a time zone Intl does not know.
 */
export function nextMidnight(now: number, timeZone: string): Date {
  const today = wallClock(now, timeZone);
  const midnightAsUtc = Date.UTC(today.year, today.month - 1, today.day + 1);
  // Across a DST change the offset before midnight differs from the one after, and where the
  // change happens at midnight (America/Santiago) one of the two lands on the day before.
  const first = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
  const second = midnightAsUtc - offsetAt(first, timeZone);
  const candidates = [Math.min(first, second), Math.max(first, second)];
  const onNextDay = candidates.find((c) => wallAsUtc(wallClock(c, timeZone)) >= midnightAsUtc);
  return new Date(onNextDay ?? Math.max(first, second));
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const parts = format(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** Local wall-clock time minus UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  return wallAsUtc(wallClock(instant, timeZone)) - Math.floor(instant / 1000) * 1000;
}

function wallAsUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, f);
  }
  return f;
}
