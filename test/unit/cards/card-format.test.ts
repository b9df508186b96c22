import { describe, expect, it } from 'vitest';
import { TIER_COLORS } from '../../../extensions/app/cards/card-contract.ts';
import { formatDate } from '../../../extensions/app/cards/format/format-date.ts';
import { formatWeekday } from '../../../extensions/app/cards/format/format-weekday.ts';
import { formatPoints } from '../../../extensions/app/cards/format/format-points.ts';
import { tierName } from '../../../extensions/app/cards/format/tier-name.ts';
import { tierVariant } from '../../../extensions/app/cards/format/tier-variant.ts';
import { readHealthProperties } from '../../../extensions/app/cards/hooks/use-health-properties.ts';
import { WRITTEN_PROPERTIES } from './card-fixtures.ts';

describe('the card formats', () => {
  it('gives every tier colour a tag variant: green to red, gray for no data', () => {
    expect(TIER_COLORS.map(tierVariant)).toEqual([
      'success',
      'success',
      'warning',
      'warning',
      'error',
      'default',
    ]);
  });

  it('writes points with a real minus sign and the right plural', () => {
    expect([formatPoints(-3, true), formatPoints(4.6, true), formatPoints(1)]).toEqual([
      '−3 points',
      '+5 points',
      '1 point',
    ]);
  });

  it('reads dates as ISO strings or epoch milliseconds, in the portal time zone', () => {
    expect(formatDate('2026-03-04T23:30:00Z', 'UTC')).toBe('Mar 4, 2026');
    expect(formatDate('2026-03-04T23:30:00Z', 'Europe/Berlin')).toBe('Mar 5, 2026');
    expect(formatDate(String(Date.UTC(2026, 2, 4)), 'UTC')).toBe('Mar 4, 2026');
    expect(formatDate('soon', 'UTC')).toBeNull();
  });

  it('names tiers from their property keys', () => {
    expect([tierName('at_risk'), tierName('unknown')]).toEqual(['At risk', 'No data']);
  });

  it("reads the record's health properties, empty ones as unknown", () => {
    expect(readHealthProperties(WRITTEN_PROPERTIES)).toEqual({
      score: 62,
      tier: 'at_risk',
      change7d: -5,
      coverage: 70,
      topDrivers: 'Champion: left (−15)',
      plays: ['Find a new champion', 'Book a business review'],
      changedAt: '2026-02-15T06:00:00.000Z',
    });
    expect(readHealthProperties({ health_score: '74.0', health_coverage: '' })).toMatchObject({
      score: 74,
      coverage: null,
      plays: [],
    });
  });

  it('names the weekday and date in the portal time zone', () => {
    expect(formatWeekday('2026-03-09T23:30:00.000Z', 'Europe/Berlin')).toBe('Tue, Mar 10');
    expect(formatWeekday('2026-03-09T23:30:00.000Z', 'UTC')).toBe('Mon, Mar 9');
    expect([formatWeekday(null, 'UTC'), formatWeekday('soon', 'UTC')]).toEqual([null, null]);
  });
});
