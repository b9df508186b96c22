import { describe, expect, it } from 'vitest';
import { renewalsReport } from '../../../src/reports/renewals-report.ts';
import { ACCOUNTS, CONTEXT, ids } from './portfolio-fixture.ts';

describe('the renewals report', () => {
  const report = renewalsReport(ACCOUNTS, CONTEXT);

  it('puts each renewal of the next 120 days in its window, with the MRR at stake', () => {
    // 0–30:   c16 200 (today) + c07 300 + c03 400 + c14 5500 + c18 2200 + c01 8000 + c11 7000 = 23600
    // 31–60:  c17 1000 (day 31) + c15 1500 + c02 3000 + c06 1200 (day 60) = 6700
    // 61–90:  c08 1800 (day 90)
    // 91–120: c05 6000 + c13 250 (day 120) = 6250
    // Left out: c12 (day 121), c09 (3 days ago), and the accounts without a date.
    expect(report.windows.map((w) => [w.key, w.accounts, w.mrr])).toEqual([
      ['30', 7, 23600],
      ['60', 4, 6700],
      ['90', 1, 1800],
      ['120', 2, 6250],
    ]);
    expect(report.total).toMatchObject({ accounts: 14, mrr: 38350 });
    expect(ids(report.rows)).toEqual([
      'c16',
      'c07',
      'c03',
      'c14',
      'c18',
      'c01',
      'c11',
      'c17',
      'c15',
      'c02',
      'c06',
      'c08',
      'c05',
      'c13',
    ]);
  });

  it('forecasts each renewal from its tier and the renewal step, and says the rule', () => {
    // committed: healthy, more than a week out: c01 8000 + c17 1000 + c02 3000 + c05 6000 = 18000
    // likely:    c03 (healthy, 5 days) 400 + c06 1200 + c08 1800 (monitor) = 3400
    // at risk:   c16 200 (no data) + c07 300 (monitor, 3 days) + c11 7000 + c13 250 (at risk)
    //            + c15 1500 (critical, 40 days) = 9250
    // lost:      c14 5500 (critical, 6 days) + c18 2200 (churned) = 7700
    expect(report.forecast.map((f) => [f.forecast, f.accounts, f.mrr, f.ids])).toEqual([
      ['committed', 4, 18000, ['c01', 'c17', 'c02', 'c05']],
      ['likely', 3, 3400, ['c03', 'c06', 'c08']],
      ['at-risk', 5, 9250, ['c16', 'c07', 'c11', 'c15', 'c13']],
      ['lost', 2, 7700, ['c14', 'c18']],
    ]);
    expect(report.forecastRule[0]).toBe('Committed: Healthy with more than 7 days to go.');
    expect(report.forecastRule.join(' ')).toMatch(
      /Lost: the account churned; Critical with 7 days or less to go\./,
    );
  });

  it('shows the tier, trend, coverage and where the renewal task is', () => {
    const apex = report.rows.find((r) => r.companyId === 'c01')!;
    // 90 now, 88 four weeks ago.
    expect(apex).toMatchObject({
      daysToGo: 20,
      tier: 'healthy',
      change4w: 2,
      coverage: 100,
      step: 'renewal-contract',
      taskStatus: 'task-created',
      forecastReason: 'Healthy, 20 days to go',
    });
    // c17 was first scored three weeks ago: no reading four weeks back.
    expect(report.rows.find((r) => r.companyId === 'c17')).toMatchObject({
      change4w: null,
      step: null,
    });
    expect(report.rows.find((r) => r.companyId === 'c14')).toMatchObject({
      taskStatus: 'held',
      forecastReason: 'Critical, a week or less to go, not signed',
    });
  });

  it('counts renewal days in the portal time zone', () => {
    // 2025-06-02 12:00 UTC is already 06-03 in Auckland: c07's renewal (06-05) is 2 days away.
    const nz = renewalsReport(ACCOUNTS, { ...CONTEXT, timeZone: 'Pacific/Auckland' });
    expect(nz.rows.find((r) => r.companyId === 'c07')!.daysToGo).toBe(2);
    expect(ids(nz.rows)).not.toContain('c16');
  });
});
