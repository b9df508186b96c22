import { describe, expect, it } from 'vitest';
import { firstBusinessDay, localDay } from '../../../src/lifecycle/calendar-days.ts';

describe('calendar days of the portal', () => {
  it("reads a date property's value (midnight UTC) as its own date, in any zone", () => {
    for (const zone of ['America/Los_Angeles', 'Pacific/Auckland', 'UTC']) {
      expect(localDay('2025-03-03', zone)).toBe('2025-03-03');
      expect(localDay('2025-03-03T00:00:00.000Z', zone)).toBe('2025-03-03');
      expect(localDay('2025-03-03T00:00Z', zone)).toBe('2025-03-03');
    }
  });

  it('reads a date-time as the local date where the portal is', () => {
    expect(localDay('2025-03-03T05:00:00.000Z', 'America/Los_Angeles')).toBe('2025-03-02');
    expect(localDay('2025-03-03T23:30:00.000Z', 'Europe/Berlin')).toBe('2025-03-04');
    expect(localDay('not a date', 'UTC')).toBeNull();
    expect(localDay(null, 'UTC')).toBeNull();
  });

  it('finds the first Monday-to-Friday of a month', () => {
    expect(firstBusinessDay('2025-03-20')).toBe('2025-03-03');
    expect(firstBusinessDay('2026-11-30')).toBe('2026-11-02');
    expect(firstBusinessDay('2026-12-15')).toBe('2026-12-01');
  });
});
