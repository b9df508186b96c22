import { describe, expect, it } from 'vitest';
import { describeDue, dueAt } from '../../../src/plays/due-at.ts';
import type { Due } from '../../../src/plays/rule-types.ts';

const berlin = { timeZone: 'Europe/Berlin', workdayEndHour: 17, nextTouchpointDays: 10 };
const newYork = { ...berlin, timeZone: 'America/New_York' };
const due = (d: Due, now: string, s = berlin) => dueAt(d, new Date(now), s).toISOString();

describe('dueAt', () => {
  describe('same day', () => {
    it('is the end of the workday in the portal zone', () => {
      // 10:00 in Berlin (CET, UTC+1) → 17:00 CET.
      expect(due({ kind: 'same-day' }, '2025-03-12T09:00:00Z')).toBe('2025-03-12T16:00:00.000Z');
    });

    it('gives two hours when the workday has already ended there', () => {
      // 16:30 UTC is 17:30 in Berlin.
      expect(due({ kind: 'same-day' }, '2025-03-12T16:30:00Z')).toBe('2025-03-12T18:30:00.000Z');
      // Exactly at the end counts as ended.
      expect(due({ kind: 'same-day' }, '2025-03-12T16:00:00Z')).toBe('2025-03-12T18:00:00.000Z');
    });

    it('uses the local offset of the day itself on the day clocks go forward', () => {
      // New York springs forward on 2025-03-09: 17:00 that afternoon is EDT (UTC−4).
      expect(due({ kind: 'same-day' }, '2025-03-09T14:00:00Z', newYork)).toBe(
        '2025-03-09T21:00:00.000Z',
      );
    });

    it('reads "today" in the portal zone, not in UTC', () => {
      // 23:30 UTC on the 11th is already the 12th in Berlin, and past 17:00 is not yet there.
      expect(due({ kind: 'same-day' }, '2025-03-11T23:30:00Z')).toBe('2025-03-12T16:00:00.000Z');
    });
  });

  it('counts hours as elapsed time across a DST change', () => {
    // Berlin springs forward on 2025-03-30: 48 h later reads 11:00 local, not 10:00.
    expect(due({ kind: 'hours', hours: 48 }, '2025-03-29T09:00:00Z')).toBe(
      '2025-03-31T09:00:00.000Z',
    );
  });

  it('keeps the wall-clock time when counting days across a DST change', () => {
    // 10:00 CET + 7 days = 10:00 CEST, one hour less in UTC.
    expect(due({ kind: 'days', days: 7 }, '2025-03-27T09:00:00Z')).toBe('2025-04-03T08:00:00.000Z');
    // And back in autumn (2025-10-26): 10:00 CEST + 14 days = 10:00 CET.
    expect(due({ kind: 'days', days: 14 }, '2025-10-20T08:00:00Z')).toBe(
      '2025-11-03T09:00:00.000Z',
    );
  });

  it('gives "next touchpoint" the configured number of days', () => {
    expect(due({ kind: 'next-touchpoint' }, '2025-03-12T09:00:00Z')).toBe(
      '2025-03-22T09:00:00.000Z',
    );
    expect(
      due({ kind: 'next-touchpoint' }, '2025-03-12T09:00:00Z', {
        ...berlin,
        nextTouchpointDays: 3,
      }),
    ).toBe('2025-03-15T09:00:00.000Z');
  });

  describe('business days', () => {
    const five: Due = { kind: 'business-days', days: 5 };

    it('skip the weekend and end at the end of the workday', () => {
      // Friday 2025-03-14 → Mon, Tue, Wed, Thu, Fri → Friday 2025-03-21, 17:00 CET.
      expect(due(five, '2025-03-14T09:00:00Z')).toBe('2025-03-21T16:00:00.000Z');
    });

    it('start counting on Monday when found on a weekend', () => {
      // Saturday and Sunday both land on Friday 2025-03-21.
      expect(due(five, '2025-03-15T09:00:00Z')).toBe('2025-03-21T16:00:00.000Z');
      expect(due(five, '2025-03-16T09:00:00Z')).toBe('2025-03-21T16:00:00.000Z');
    });

    it('land on the far side of a DST change at local 17:00', () => {
      // Thursday 2025-03-27 → Friday 2025-04-03, 17:00 CEST (UTC+2).
      expect(due(five, '2025-03-27T09:00:00Z')).toBe('2025-04-03T15:00:00.000Z');
    });
  });

  it('refuses an unknown time zone with a fix', () => {
    expect(() =>
      due({ kind: 'hours', hours: 1 }, '2025-03-12T09:00:00Z', {
        ...berlin,
        timeZone: 'Mars/Olympus',
      }),
    ).toThrow(/Unknown time zone "Mars\/Olympus": use an IANA name/);
  });
});

describe('describeDue', () => {
  it('says the response time as people do', () => {
    expect(describeDue({ kind: 'same-day' }, berlin)).toBe(
      'same day (by 17:00, or within 2 h when later)',
    );
    expect(describeDue({ kind: 'hours', hours: 48 }, berlin)).toBe('48 h');
    expect(describeDue({ kind: 'days', days: 3 }, berlin)).toBe('3 days');
    expect(describeDue({ kind: 'days', days: 7 }, berlin)).toBe('1 week');
    expect(describeDue({ kind: 'days', days: 14 }, berlin)).toBe('2 weeks');
    expect(describeDue({ kind: 'next-touchpoint' }, berlin)).toBe('next touchpoint (10 days)');
    expect(describeDue({ kind: 'business-days', days: 5 }, berlin)).toBe(
      '5 business days (by 17:00)',
    );
  });
});
