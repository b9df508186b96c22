import { describe, expect, it } from 'vitest';
import { shownDate } from '../../../src/plays/shown-date.ts';

describe('the date a portal user would name', () => {
  it("shows an instant as the local date of the portal's zone", () => {
    expect(shownDate('2026-11-20T05:00:00.000Z', 'America/Los_Angeles')).toBe('2026-11-19');
    expect(shownDate('2026-11-20T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-11-21');
  });

  it("shows a date property's value (midnight UTC) as its own date, west of UTC too", () => {
    expect(shownDate('2026-11-20', 'America/Los_Angeles')).toBe('2026-11-20');
    expect(shownDate('2026-11-20T00:00:00.000Z', 'America/Los_Angeles')).toBe('2026-11-20');
    expect(shownDate('2026-11-20T00:00:00.000Z', 'Pacific/Auckland')).toBe('2026-11-20');
  });

  it('gives back what is no date as it came', () => {
    expect(shownDate('soon', 'UTC')).toBe('soon');
  });
});
