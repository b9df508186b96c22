import { describe, expect, it } from 'vitest';
import { churnRiskReport } from '../../../src/reports/churn-risk-report.ts';
import { mrrAt } from '../../../src/reports/mrr-at.ts';
import { portfolioReport } from '../../../src/reports/portfolio-report.ts';
import { renewalsReport } from '../../../src/reports/renewals-report.ts';
import { retentionReport } from '../../../src/reports/retention-report.ts';
import type { ReportFilter } from '../../../src/reports/report-input.ts';
import { ACCOUNTS, AS_OF, CONTEXT, MRR_HISTORY } from './portfolio-fixture.ts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const FILTERS: ReportFilter[] = [
  {},
  { owner: 'o1' },
  { owner: 'o2' },
  { segment: 'enterprise' },
  { segment: 'smb' },
];

describe.each(FILTERS)('the reports agree with each other (filter %o)', (filter) => {
  const context = { ...CONTEXT, filter };
  const portfolio = portfolioReport(ACCOUNTS, context);
  const renewals = renewalsReport(ACCOUNTS, context);
  const risk = churnRiskReport(ACCOUNTS, context);
  const customers = new Set(portfolio.total.ids);

  it('adds the tiers up to the whole book', () => {
    expect(sum(portfolio.byTier.map((t) => t.accounts))).toBe(portfolio.total.accounts);
    expect(sum(portfolio.byTier.map((t) => t.mrr))).toBe(portfolio.total.mrr);
    expect(portfolio.byTier.flatMap((t) => t.ids).sort()).toEqual([...portfolio.total.ids].sort());
    expect(portfolio.trend.at(-1)!.average).toBe(portfolio.averageScore.value);
  });

  it("takes the renewals' MRR at stake from the book (or from accounts lost)", () => {
    expect(sum(renewals.windows.map((w) => w.mrr))).toBe(renewals.total.mrr);
    expect(sum(renewals.forecast.map((f) => f.mrr))).toBe(renewals.total.mrr);
    const open = renewals.rows.filter((r) => !r.churned);
    expect(open.every((r) => customers.has(r.companyId))).toBe(true);
    expect(renewals.rows.filter((r) => r.churned).every((r) => r.forecast === 'lost')).toBe(true);
    expect(sum(open.map((r) => r.mrr ?? 0))).toBeLessThanOrEqual(portfolio.total.mrr);
  });

  it('puts the churn risk in the same tiers as the portfolio', () => {
    for (const t of risk.byTier)
      expect(portfolio.byTier.find((p) => p.tier === t.tier)).toMatchObject(t);
    expect(portfolio.alerts.every((a) => customers.has(a.companyId))).toBe(true);
  });

  it("matches the MRR history: this spring's end is today's book", () => {
    // The period's accounts still paying plus the new and won-back ones are today's customers.
    const spring = retentionReport(
      { accounts: ACCOUNTS, history: MRR_HISTORY, from: '2025-04-01', to: AS_OF.toISOString() },
      filter,
    );
    expect(spring.end.mrr + spring.newMrr.mrr).toBe(portfolio.total.mrr);
    const paying = portfolio.total.ids.filter(
      (id) => (mrrAt(MRR_HISTORY[id] ?? [], AS_OF.getTime()) ?? 0) > 0,
    );
    expect([...spring.end.ids, ...spring.newMrr.ids].sort()).toEqual(paying.sort());
  });
});

describe('consecutive periods', () => {
  it('start where the last one ended', () => {
    const q1 = retentionReport({
      accounts: ACCOUNTS,
      history: MRR_HISTORY,
      from: '2025-01-01',
      to: '2025-03-31',
    });
    const q2 = retentionReport({
      accounts: ACCOUNTS,
      history: MRR_HISTORY,
      from: '2025-04-01',
      to: '2025-06-30',
    });
    expect(q2.start.mrr).toBe(q1.end.mrr + q1.newMrr.mrr);
  });
});
