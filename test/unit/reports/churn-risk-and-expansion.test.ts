import { describe, expect, it } from 'vitest';
import { churnRiskReport } from '../../../src/reports/churn-risk-report.ts';
import { expansionReport } from '../../../src/reports/expansion-report.ts';
import { ACCOUNTS, CONTEXT, ids } from './portfolio-fixture.ts';

describe('the churn-risk report', () => {
  const report = churnRiskReport(ACCOUNTS, CONTEXT);

  it('lists the customers in the two worst tiers by MRR, with their share of all MRR', () => {
    // at risk c11 7000 + c12 2000 + c13 250 = 9250; critical c14 5500 + c15 1500 = 7000.
    // 16250 of the book's 41550 = 39.1 %. c18 and c19 churned: they are not at risk any more.
    expect(report.riskTiers).toEqual(['at_risk', 'critical']);
    expect(report.byTier.map((t) => [t.label, t.accounts, t.mrr])).toEqual([
      ['At risk', 3, 9250],
      ['Critical', 2, 7000],
    ]);
    expect(report.total).toMatchObject({ accounts: 5, mrr: 16250 });
    expect(report.mrrShare).toBe(39.1);
    expect(ids(report.rows)).toEqual(['c11', 'c14', 'c12', 'c15', 'c13']);
  });

  it('shows what costs the most points and the plays in hand', () => {
    const kite = report.rows[0]!;
    expect(kite.drivers.map((d) => d.label)).toEqual(['Champion', 'Login frequency']);
    expect(kite.openPlays.map((p) => p.id)).toEqual(['save-playbook']);
    // A running sequence is a play in hand; a skipped or dismissed play is not.
    expect(report.rows.find((r) => r.companyId === 'c13')!.openPlays).toHaveLength(1);
    expect(report.withoutPlay).toMatchObject({ accounts: 2, mrr: 3500, ids: ['c12', 'c15'] });
  });
});

describe('the expansion report', () => {
  const report = expansionReport(ACCOUNTS, CONTEXT);

  it('lists growth signals, ready only in the best tier with no save play open', () => {
    // Ready: c01 8000 + c05 6000 + c17 1000 (healthy) = 15000.
    // Not yet: c11 7000 (at risk, save open) + c06 1200 (monitor) = 8200.
    expect(report.ready).toMatchObject({ accounts: 3, mrr: 15000, ids: ['c01', 'c05', 'c17'] });
    expect(report.notYet).toMatchObject({ accounts: 2, mrr: 8200, ids: ['c11', 'c06'] });
    expect(report.rows.map((r) => r.why)).toEqual([
      'Ready: Healthy',
      'Ready: Healthy',
      'Ready: Healthy',
      'Not yet: a save play is open',
      'Not yet: Monitor, not the best tier',
    ]);
    expect(report.rows[0]!.play).toEqual({
      status: 'task-created',
      trigger: 'usage reached 85 % of the plan',
    });
  });
});
