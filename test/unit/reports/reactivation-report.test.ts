import { describe, expect, it } from 'vitest';
import { reactivationReport } from '../../../src/reports/reactivation-report.ts';
import { winBackStage } from '../../../src/reports/win-back-stage.ts';
import { ACCOUNTS, CONTEXT, MRR_HISTORY, ids } from './portfolio-fixture.ts';

describe('the reactivation report', () => {
  const report = reactivationReport(ACCOUNTS, CONTEXT, MRR_HISTORY);

  it('lists the accounts churned in the last year and where each is in win-back', () => {
    // c18 churned 13 days ago (2200), c19 90 days ago (350); c20 over a year ago is out.
    expect(report.churned).toMatchObject({ accounts: 2, mrr: 2550, ids: ['c18', 'c19'] });
    expect(report.inWinBack.ids).toEqual(['c18']);
    expect(report.notInWinBack.ids).toEqual(['c19']);
    expect(report.rows.map((r) => [r.companyId, r.daysSinceChurn, r.stage.words])).toEqual([
      ['c18', 13, 'Email 1 of 5 sent; next on day 30'],
      ['c19', 90, 'Not in win-back: no primary contact has an email address'],
    ]);
  });

  it('finds the accounts that paid again after a churn', () => {
    // c09 went to 0 on 02-01 and paid 900 again from 04-15.
    expect(report.wonBack).toMatchObject({ accounts: 1, mrr: 900 });
    expect(report.wonBack!.rows).toEqual([
      {
        companyId: 'c09',
        name: 'Iris',
        lostAt: '2025-02-01T10:00:00Z',
        backAt: '2025-04-15T10:00:00Z',
        mrr: 900,
      },
    ]);
    expect(reactivationReport(ACCOUNTS, CONTEXT).wonBack).toBeNull();
  });

  it('follows the win-back schedule: days 7, 30, 60, 90 and 180', () => {
    const enrolled = { status: 'enrolled', at: null, detail: null } as const;
    expect(winBackStage(enrolled, 3).words).toBe('Enrolled; next on day 7');
    expect(winBackStage(enrolled, 90)).toMatchObject({ sent: 4, nextDay: 180 });
    expect(winBackStage(enrolled, 200).words).toBe('All 5 emails sent; in win-back until day 365');
    expect(winBackStage(null, 10).words).toMatch(/no contact enrolled yet/);
    expect(winBackStage(null, 40).words).toMatch(/too late to start/);
  });

  it('applies the filter first', () => {
    const o2 = reactivationReport(ACCOUNTS, { ...CONTEXT, filter: { owner: 'o2' } }, MRR_HISTORY);
    expect(ids(o2.rows)).toEqual(['c19']);
    expect(o2.wonBack!.ids).toEqual(['c09']);
  });
});
