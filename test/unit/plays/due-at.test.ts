import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { describeDue, dueAt } from '../../../src/plays/due-at.ts';
import type { Due } from '../../../src/plays/rule-types.ts';

const BERLIN = {
  timeZone: 'Europe/Berlin',
  workdayStartHour: 8,
  workdayEndHour: 18,
  nextTouchpointDays: 10,
};
const LOS_ANGELES = { ...BERLIN, timeZone: 'America/Los_Angeles' };
type Settings = typeof BERLIN;

const SAME_DAY: Due = { kind: 'same-day' };
const H24: Due = { kind: 'hours', hours: 24 };
const H48: Due = { kind: 'hours', hours: 48 };
const WEEK: Due = { kind: 'days', days: 7 };
const TWO_WEEKS: Due = { kind: 'days', days: 14 };
const TOUCHPOINT: Due = { kind: 'next-touchpoint' };
const FIVE_BUSINESS: Due = { kind: 'business-days', days: 5 };

/** The due time for a local `now` ("2025-06-11 10:00"), as "Wed 2025-06-11 18:00 +02:00". */
function due(d: Due, now: string | Date, s: Settings = BERLIN): string {
  const at =
    now instanceof Date
      ? now
      : DateTime.fromFormat(now, 'yyyy-MM-dd HH:mm', { zone: s.timeZone }).toJSDate();
  return DateTime.fromJSDate(dueAt(d, at, s), { zone: s.timeZone })
    .setLocale('en-US')
    .toFormat('ccc yyyy-MM-dd HH:mm ZZ');
}

describe('dueAt keeps every due time in business hours', () => {
  // Wednesday 2025-06-11; both zones are on summer time all week.
  const CASES: [string, Due, string, string][] = [
    ['same day on a weekday morning', SAME_DAY, '2025-06-11 10:00', 'Wed 2025-06-11 18:00'],
    ['same day before 08:00: still today', SAME_DAY, '2025-06-11 06:30', 'Wed 2025-06-11 18:00'],
    ['same day just before 16:00: today', SAME_DAY, '2025-06-11 15:59', 'Wed 2025-06-11 18:00'],
    ['same day from 16:00: next morning', SAME_DAY, '2025-06-11 16:00', 'Thu 2025-06-12 08:00'],
    ['same day after 18:00: next morning', SAME_DAY, '2025-06-11 18:30', 'Thu 2025-06-12 08:00'],
    ['same day late on Friday: Monday', SAME_DAY, '2025-06-13 16:00', 'Mon 2025-06-16 08:00'],
    ['same day on Saturday: Monday', SAME_DAY, '2025-06-14 10:00', 'Mon 2025-06-16 08:00'],
    ['same day early on Sunday: Monday', SAME_DAY, '2025-06-15 07:00', 'Mon 2025-06-16 08:00'],
    ['24 h inside business hours', H24, '2025-06-11 10:00', 'Thu 2025-06-12 10:00'],
    ['24 h landing before 08:00: 08:00', H24, '2025-06-11 06:30', 'Thu 2025-06-12 08:00'],
    ['24 h landing at 18:00 exactly', H24, '2025-06-11 18:00', 'Thu 2025-06-12 18:00'],
    ['24 h landing after 18:00: next morning', H24, '2025-06-11 18:30', 'Fri 2025-06-13 08:00'],
    ['24 h from Friday: Monday', H24, '2025-06-13 10:00', 'Mon 2025-06-16 08:00'],
    ['24 h from Saturday: Monday', H24, '2025-06-14 10:00', 'Mon 2025-06-16 08:00'],
    ['24 h from Sunday: Monday, same time', H24, '2025-06-15 09:00', 'Mon 2025-06-16 09:00'],
    ['48 h inside business hours', H48, '2025-06-11 10:00', 'Fri 2025-06-13 10:00'],
    ['48 h from Thursday: Monday', H48, '2025-06-12 10:00', 'Mon 2025-06-16 08:00'],
    ['48 h landing Monday evening', H48, '2025-06-14 19:00', 'Tue 2025-06-17 08:00'],
    ['1 week: same wall-clock time', WEEK, '2025-06-11 10:00', 'Wed 2025-06-18 10:00'],
    ['1 week from after 18:00', WEEK, '2025-06-11 19:00', 'Thu 2025-06-19 08:00'],
    ['1 week from before 08:00', WEEK, '2025-06-11 06:30', 'Wed 2025-06-18 08:00'],
    ['1 week from Saturday', WEEK, '2025-06-14 10:00', 'Mon 2025-06-23 08:00'],
    ['2 weeks: same wall-clock time', TWO_WEEKS, '2025-06-11 10:00', 'Wed 2025-06-25 10:00'],
    ['2 weeks from Sunday', TWO_WEEKS, '2025-06-15 12:00', 'Mon 2025-06-30 08:00'],
    ['next touchpoint landing on Saturday', TOUCHPOINT, '2025-06-11 10:00', 'Mon 2025-06-23 08:00'],
    ['next touchpoint on a weekday', TOUCHPOINT, '2025-06-13 10:00', 'Mon 2025-06-23 10:00'],
    [
      '5 business days: end of the workday',
      FIVE_BUSINESS,
      '2025-06-11 10:00',
      'Wed 2025-06-18 18:00',
    ],
    [
      '5 business days from Friday evening',
      FIVE_BUSINESS,
      '2025-06-13 19:00',
      'Fri 2025-06-20 18:00',
    ],
    ['5 business days from Saturday', FIVE_BUSINESS, '2025-06-14 10:00', 'Fri 2025-06-20 18:00'],
  ];

  describe.each([
    ['Berlin', BERLIN, '+02:00'],
    ['Los Angeles', LOS_ANGELES, '-07:00'],
  ])('in %s', (_, settings, offset) => {
    it.each(CASES)('%s', (_, d, now, expected) => {
      expect(due(d, now, settings)).toBe(`${expected} ${offset}`);
    });
  });

  it('reads "today" and "16:00" in the portal zone, not in UTC', () => {
    // 23:30 UTC on Wednesday is 00:30 Thursday in Berlin and 16:30 Wednesday in Los Angeles.
    const now = new Date('2025-03-12T23:30:00Z');
    expect(due(SAME_DAY, now)).toBe('Thu 2025-03-13 18:00 +01:00');
    expect(due(SAME_DAY, now, LOS_ANGELES)).toBe('Thu 2025-03-13 08:00 -07:00');
  });

  it('follows a configured workday, the same-day cutoff two hours before its end', () => {
    const nineToFive = { ...BERLIN, workdayStartHour: 9, workdayEndHour: 17 };
    expect(due(SAME_DAY, '2025-06-11 14:59', nineToFive)).toBe('Wed 2025-06-11 17:00 +02:00');
    expect(due(SAME_DAY, '2025-06-11 15:00', nineToFive)).toBe('Thu 2025-06-12 09:00 +02:00');
    expect(due(H24, '2025-06-11 17:30', nineToFive)).toBe('Fri 2025-06-13 09:00 +02:00');
  });

  it('refuses an unknown time zone with a fix', () => {
    expect(() => due(H24, new Date(), { ...BERLIN, timeZone: 'Mars/Olympus' })).toThrow(
      /Unknown time zone "Mars\/Olympus": use an IANA name/,
    );
  });
});

describe('dueAt across DST changes', () => {
  it('Berlin, clocks forward (Sunday 2025-03-30)', () => {
    // Hours are elapsed: 48 h after Saturday 10:00 CET reads 11:00 CEST.
    expect(due(H48, '2025-03-29 10:00')).toBe('Mon 2025-03-31 11:00 +02:00');
    expect(due(WEEK, '2025-03-27 10:00')).toBe('Thu 2025-04-03 10:00 +02:00');
    expect(due(SAME_DAY, '2025-03-28 16:30')).toBe('Mon 2025-03-31 08:00 +02:00');
    expect(due(H24, '2025-03-29 01:30')).toBe('Mon 2025-03-31 08:00 +02:00'); // via 03:30 Sunday
    expect(due(FIVE_BUSINESS, '2025-03-27 10:00')).toBe('Thu 2025-04-03 18:00 +02:00');
  });

  it('Berlin, clocks back (Sunday 2025-10-26)', () => {
    expect(due(H48, '2025-10-25 10:00')).toBe('Mon 2025-10-27 09:00 +01:00');
    expect(due(TWO_WEEKS, '2025-10-20 10:00')).toBe('Mon 2025-11-03 10:00 +01:00');
    expect(due(FIVE_BUSINESS, '2025-10-22 10:00')).toBe('Wed 2025-10-29 18:00 +01:00');
    // Both 02:30s of the doubled hour.
    for (const utc of ['2025-10-26T00:30:00Z', '2025-10-26T01:30:00Z'])
      expect(due(SAME_DAY, new Date(utc))).toBe('Mon 2025-10-27 08:00 +01:00');
  });

  it('Los Angeles, clocks forward (Sunday 2025-03-09)', () => {
    const s = LOS_ANGELES;
    expect(due(H48, '2025-03-08 10:00', s)).toBe('Mon 2025-03-10 11:00 -07:00');
    expect(due(WEEK, '2025-03-06 10:00', s)).toBe('Thu 2025-03-13 10:00 -07:00');
    expect(due(SAME_DAY, '2025-03-07 16:00', s)).toBe('Mon 2025-03-10 08:00 -07:00');
    expect(due(FIVE_BUSINESS, '2025-03-05 10:00', s)).toBe('Wed 2025-03-12 18:00 -07:00');
  });

  it('Los Angeles, clocks back (Sunday 2025-11-02)', () => {
    const s = LOS_ANGELES;
    expect(due(H48, '2025-11-01 10:00', s)).toBe('Mon 2025-11-03 09:00 -08:00');
    expect(due(WEEK, '2025-10-31 10:00', s)).toBe('Fri 2025-11-07 10:00 -08:00');
    expect(due(TOUCHPOINT, '2025-10-29 10:00', s)).toBe('Mon 2025-11-10 08:00 -08:00');
    for (const utc of ['2025-11-02T08:30:00Z', '2025-11-02T09:30:00Z'])
      expect(due(SAME_DAY, new Date(utc), s)).toBe('Mon 2025-11-03 08:00 -08:00');
  });
});

describe('dueAt, for any instant of two years', () => {
  const DUES: Record<Due['kind'], fc.Arbitrary<Due>> = {
    'same-day': fc.constant(SAME_DAY),
    hours: fc.integer({ min: 1, max: 400 }).map((hours) => ({ kind: 'hours', hours })),
    days: fc.integer({ min: 1, max: 60 }).map((days) => ({ kind: 'days', days })),
    'business-days': fc
      .integer({ min: 1, max: 20 })
      .map((days) => ({ kind: 'business-days', days })),
    'next-touchpoint': fc.constant(TOUCHPOINT),
  };
  const workday = fc
    .integer({ min: 0, max: 22 })
    .chain((start) => fc.tuple(fc.constant(start), fc.integer({ min: start + 1, max: 23 })));

  it.each(Object.entries(DUES))('%s: Mon–Fri in business hours, never before now', (_, dues) => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2025-01-01Z'),
          max: new Date('2026-12-31Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(BERLIN, LOS_ANGELES),
        dues,
        workday,
        fc.integer({ min: 1, max: 30 }),
        (now, zone, d, [start, end], touchpoint) => {
          const settings = {
            ...zone,
            workdayStartHour: start,
            workdayEndHour: end,
            nextTouchpointDays: touchpoint,
          };
          const at = dueAt(d, now, settings);
          const local = DateTime.fromJSDate(at, { zone: zone.timeZone });
          const hour =
            local.hour +
            (local.minute * 60_000 + local.second * 1000 + local.millisecond) / 3_600_000;
          expect(at.getTime()).toBeGreaterThanOrEqual(now.getTime());
          expect(local.weekday).toBeLessThanOrEqual(5);
          expect(hour).toBeGreaterThanOrEqual(start);
          expect(hour).toBeLessThanOrEqual(end);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('describeDue', () => {
  it('says the response time as people do, with business hours where they move it', () => {
    const outside = 'outside Mon–Fri 08:00–18:00: the next business morning';
    expect(describeDue(SAME_DAY, BERLIN)).toBe(
      'same day (by 18:00; from 16:00 or on a weekend, the next business morning at 08:00)',
    );
    expect(describeDue(H48, BERLIN)).toBe(`48 h (${outside})`);
    expect(describeDue({ kind: 'days', days: 3 }, BERLIN)).toBe(`3 days (${outside})`);
    expect(describeDue(WEEK, BERLIN)).toBe(`1 week (${outside})`);
    expect(describeDue(TWO_WEEKS, BERLIN)).toBe(`2 weeks (${outside})`);
    expect(describeDue(TOUCHPOINT, BERLIN)).toBe(`next touchpoint (10 days; ${outside})`);
    expect(describeDue(FIVE_BUSINESS, BERLIN)).toBe('5 business days (by 18:00)');
  });
});
