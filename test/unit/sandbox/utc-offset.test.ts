import { describe, expect, it } from 'vitest';
import { utcOffset } from '../../../src/sandbox/utc-offset.ts';

describe("a time zone's offset from UTC, as account-info gives it", () => {
  it.each([
    ['UTC', '2026-01-15T12:00:00Z', '+00:00', 0],
    ['Europe/Berlin', '2026-01-15T12:00:00Z', '+01:00', 3_600_000],
    ['Europe/Berlin', '2026-07-15T12:00:00Z', '+02:00', 7_200_000],
    ['Asia/Kolkata', '2026-01-15T12:00:00Z', '+05:30', 19_800_000],
    ['America/St_Johns', '2026-01-15T12:00:00Z', '-03:30', -12_600_000],
  ])('%s at %s is %s (%i ms)', (timeZone, at, text, ms) => {
    expect(utcOffset(timeZone, new Date(at))).toEqual({ text, ms });
  });
});
