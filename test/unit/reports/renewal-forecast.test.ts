import { describe, expect, it } from 'vitest';
import { forecastRenewal, forecastRule } from '../../../src/reports/renewal-forecast.ts';
import type { TierInfo } from '../../../src/reports/report-input.ts';
import { TIERS } from './portfolio-fixture.ts';

const forecast = (tier: string, daysToGo: number, tiers = TIERS, churned = false) =>
  forecastRenewal({ tier, churned, daysToGo }, tiers).forecast;

describe('the renewal forecast rule', () => {
  it('grades by tier, one grade lower at the red-alert step (a week or less, unsigned)', () => {
    const grid = ['healthy', 'monitor', 'at_risk', 'critical', 'unknown'].map((t) => [
      t,
      forecast(t, 8),
      forecast(t, 7),
    ]);
    expect(grid).toEqual([
      ['healthy', 'committed', 'likely'],
      ['monitor', 'likely', 'at-risk'],
      ['at_risk', 'at-risk', 'at-risk'],
      ['critical', 'at-risk', 'lost'],
      ['unknown', 'at-risk', 'at-risk'],
    ]);
    expect(forecast('healthy', 60, TIERS, true)).toBe('lost');
  });

  it("reads another model's tiers by position and names them in the rule", () => {
    const services: TierInfo[] = [
      { key: 'green', label: 'Green', color: 'green' },
      { key: 'light_green', label: 'Light green', color: 'lime' },
      { key: 'yellow', label: 'Yellow', color: 'yellow' },
      { key: 'orange', label: 'Orange', color: 'orange' },
      { key: 'red', label: 'Red', color: 'red' },
    ];
    expect(
      ['green', 'light_green', 'yellow', 'orange', 'red'].map((t) => forecast(t, 30, services)),
    ).toEqual(['committed', 'likely', 'likely', 'at-risk', 'at-risk']);
    expect(forecastRule(services).slice(0, 4)).toEqual([
      'Committed: Green with more than 7 days to go.',
      'Likely: Light green or Yellow with more than 7 days to go; Green with 7 days or less to go.',
      'At risk: Orange; Red with more than 7 days to go; Light green or Yellow with 7 days or less to go; no health data.',
      'Lost: the account churned; Red with 7 days or less to go.',
    ]);
  });
});
