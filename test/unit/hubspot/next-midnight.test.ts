import { describe, expect, it } from 'vitest';
import { nextMidnight } from '../../../src/hubspot/next-midnight.ts';

const at = (iso: string) => Date.parse(iso);

describe('nextMidnight', () => {
  it.each([
    ['UTC', '2026-11-23T12:00:00Z', '2026-11-24T00:00:00.000Z'],
    ['UTC', '2026-11-23T00:00:00Z', '2026-11-24T00:00:00.000Z'],
    ['America/New_York', '2026-11-23T12:00:00Z', '2026-11-24T05:00:00.000Z'],
    ['America/New_York', '2026-11-24T03:00:00Z', '2026-11-24T05:00:00.000Z'],
    ['Asia/Kolkata', '2026-11-23T20:00:00Z', '2026-11-24T18:30:00.000Z'],
    ['Pacific/Kiritimati', '2026-12-31T09:59:59Z', '2026-12-31T10:00:00.000Z'],
    // The day DST ends in Europe (25 hours long): midnight after is on the winter offset.
    ['Europe/Berlin', '2026-10-25T06:00:00Z', '2026-10-25T23:00:00.000Z'],
    // The day DST starts (23 hours long): midnight before it is still on the winter offset.
    ['Europe/Berlin', '2026-03-28T12:00:00Z', '2026-03-28T23:00:00.000Z'],
    // Santiago moves its clocks at midnight: 6 September 2026 starts at 01:00 (UTC−3).
    ['America/Santiago', '2026-09-05T12:00:00Z', '2026-09-06T04:00:00.000Z'],
  ])('in %s after %s is %s', (timeZone, now, expected) => {
    expect(nextMidnight(at(now), timeZone).toISOString()).toBe(expected);
  });

  it('rejects a time zone Intl does not know', () => {
    expect(() => nextMidnight(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
