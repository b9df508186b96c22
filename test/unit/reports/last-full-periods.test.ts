import { describe, expect, it } from 'vitest';
import { lastFullPeriods } from '../../../src/reports/last-full-periods.ts';

describe('lastFullPeriods', () => {
  it('takes the month and quarter before the one asOf is in', () => {
    expect(lastFullPeriods(new Date('2025-06-02T12:00:00Z'), 'UTC')).toEqual({
      month: { label: 'May 2025', from: '2025-05-01', to: '2025-05-31' },
      quarter: { label: 'Q1 2025', from: '2025-01-01', to: '2025-03-31' },
    });
  });

  it('goes back a year in January, and counts February 29 in a leap year', () => {
    expect(lastFullPeriods(new Date('2025-01-15T12:00:00Z'), 'UTC')).toEqual({
      month: { label: 'December 2024', from: '2024-12-01', to: '2024-12-31' },
      quarter: { label: 'Q4 2024', from: '2024-10-01', to: '2024-12-31' },
    });
    expect(lastFullPeriods(new Date('2024-03-01T12:00:00Z'), 'UTC').month.to).toBe('2024-02-29');
  });

  it("reads asOf's day in the portal's time zone", () => {
    // 02:00 UTC on July 1 is still June 30 in Los Angeles: June is not over there yet.
    const asOf = new Date('2025-07-01T02:00:00Z');
    expect(lastFullPeriods(asOf, 'America/Los_Angeles').month.label).toBe('May 2025');
    expect(lastFullPeriods(asOf, 'America/Los_Angeles').quarter.label).toBe('Q1 2025');
    expect(lastFullPeriods(asOf, 'UTC').month.label).toBe('June 2025');
    expect(lastFullPeriods(asOf, 'UTC').quarter.label).toBe('Q2 2025');
  });
});
