import { describe, expect, it } from 'vitest';
import { portfolioReport } from '../../../src/reports/portfolio-report.ts';
import { ACCOUNTS, CONTEXT, ids } from './portfolio-fixture.ts';

describe('the portfolio report', () => {
  const report = portfolioReport(ACCOUNTS, CONTEXT);

  it('counts the customers and their MRR per tier, with shares', () => {
    // Customers: c01–c17 (c18, c19, c20 churned). MRR per tier:
    //   healthy  c01 8000 + c02 3000 + c03 400 + c04 2500 + c05 6000 + c17 1000 = 20900 (6)
    //   monitor  c06 1200 + c07 300 + c08 1800 + c09 900 + c10 (none) = 4200 (5)
    //   at risk  c11 7000 + c12 2000 + c13 250 = 9250 (3)
    //   critical c14 5500 + c15 1500 = 7000 (2);  no data c16 200 (1)
    //   total 41550 (17). Shares: 6/17 = 35.3 %, 20900/41550 = 50.3 %, and so on.
    expect(report.total).toMatchObject({ accounts: 17, mrr: 41550 });
    expect(
      report.byTier.map((t) => [t.tier, t.accounts, t.mrr, t.accountShare, t.mrrShare]),
    ).toEqual([
      ['healthy', 6, 20900, 35.3, 50.3],
      ['monitor', 5, 4200, 29.4, 10.1],
      ['at_risk', 3, 9250, 17.6, 22.3],
      ['critical', 2, 7000, 11.8, 16.8],
      ['unknown', 1, 200, 5.9, 0.5],
    ]);
    expect(report.byTier[0]!.ids).toEqual(['c01', 'c02', 'c03', 'c04', 'c05', 'c17']);
    expect(report.withoutMrr.ids).toEqual(['c10']);
  });

  it('averages the scores now and at the end of each of the last 13 weeks', () => {
    // Now: the 16 scored customers (c16 has no score) sum to 936: 936 / 16 = 58.5.
    expect(report.averageScore.value).toBe(58.5);
    expect(report.averageScore.ids).toHaveLength(16);
    expect(report.trend).toHaveLength(13);
    const [first] = report.trend;
    // 2025-03-10: the week-ago scores of c01–c15 sum to 895, plus c18 (25: it churned later);
    // c19 had churned on 03-04, c17 was not scored yet: 920 / 16 = 57.5.
    expect(first).toMatchObject({ weekEnding: '2025-03-10', average: 57.5 });
    expect(first!.ids).toContain('c18');
    expect(first!.ids).not.toContain('c19');
    // 2025-05-12: c17 scored that day (72) and c18 still a customer: 992 / 17 = 58.35 → 58.4.
    expect(report.trend[9]).toMatchObject({ weekEnding: '2025-05-12', average: 58.4 });
    // 2025-05-26: c18 churned on 05-20: (895 + 72) / 16 = 60.4375 → 60.4.
    expect(report.trend[11]).toMatchObject({ weekEnding: '2025-05-26', average: 60.4 });
    expect(report.trend[12]).toMatchObject({ weekEnding: '2025-06-02', average: 58.5 });
    // 58.5 − 60.4 this week, 58.5 − 57.5 over the 13 weeks.
    expect(report.trendChange).toEqual({ week: -1.9, weeks: 1 });
  });

  it("lists the week's movers by the written 7-day change, biggest first", () => {
    expect(report.movers.up.map((m) => [m.companyId, m.change])).toEqual([
      ['c03', 12],
      ['c17', 8],
      ['c10', 5],
      ['c13', 4],
      ['c07', 3],
      ['c01', 2],
      ['c05', 1],
    ]);
    expect(report.movers.down.map((m) => [m.companyId, m.from, m.to])).toEqual([
      ['c11', 60, 40],
      ['c08', 70, 55],
      ['c14', 30, 20],
      ['c12', 43, 35],
      ['c06', 76, 70],
      ['c04', 80, 76],
      ['c15', 18, 15],
    ]);
  });

  it('queues the plays waiting on someone: priority, then due time, then MRR', () => {
    // Not queued: c15 dismissed, c12 skipped, c13 enrolled (a sequence runs by itself), and
    // c18's task (churned). c14 and c07 are both due 18:00: c14 has more MRR.
    expect(report.alerts.map((a) => [a.companyId, a.playId, a.status])).toEqual([
      ['c03', 'renewal-plan', 'task-created'],
      ['c14', 'save-playbook', 'task-created'],
      ['c07', 'renewal-plan', 'open'],
      ['c14', 'renewal-plan', 'held'],
      ['c11', 'save-playbook', 'task-created'],
      ['c08', 'save-playbook', 'open'],
      ['c01', 'renewal-plan', 'task-created'],
      ['c05', 'renewal-plan', 'task-created'],
      ['c01', 'expansion-plan', 'task-created'],
      ['c17', 'expansion-plan', 'open'],
    ]);
    expect(report.alerts[4]).toMatchObject({
      name: 'Kite',
      score: 40,
      change7d: -20,
      trigger: 'score fell 20 points in 7 days',
      ownerId: 'o2',
      dueAt: '2025-06-03T16:00:00Z',
    });
    // An unassigned play falls to the account's owner.
    expect(report.alerts[2]!.ownerId).toBe('o2');
  });

  it('computes everything from the filtered accounts only', () => {
    // o2's customers: c03 400, c04 2500, c17 1000 healthy; c07 300, c09 900 monitor;
    // c11 7000, c13 250 at risk; c15 1500 critical: 13850 in all.
    const o2 = portfolioReport(ACCOUNTS, { ...CONTEXT, filter: { owner: 'o2' } });
    expect(o2.total).toMatchObject({ accounts: 8, mrr: 13850 });
    expect(o2.byTier.map((t) => t.mrr)).toEqual([3900, 1200, 7250, 1500, 0]);
    expect(o2.alerts.every((a) => ['c03', 'c07', 'c11', 'c17'].includes(a.companyId))).toBe(true);
    // c16 has no segment: at 200 MRR it is a small business, as the plays see it.
    const smb = portfolioReport(ACCOUNTS, { ...CONTEXT, filter: { segment: 'smb' } });
    expect(ids(smb.byTier.flatMap((t) => t.ids.map((companyId) => ({ companyId }))))).toEqual([
      'c03',
      'c07',
      'c10',
      'c13',
      'c16',
    ]);
    expect(smb.total.mrr).toBe(1150);
  });

  it('reports an empty book without dividing by zero', () => {
    const empty = portfolioReport([], CONTEXT);
    expect(empty.total).toEqual({ accounts: 0, mrr: 0, ids: [] });
    expect(empty.byTier.every((t) => t.accountShare === null && t.mrrShare === null)).toBe(true);
    expect(empty.averageScore.value).toBeNull();
    expect(empty.trendChange).toEqual({ week: null, weeks: null });
  });
});
