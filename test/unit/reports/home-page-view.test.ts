import { describe, expect, it } from 'vitest';
import { homePageViewSchema } from '../../../extensions/app/pages/home-page-contract.ts';
import { HOME_PAGE_ROWS, homePageView } from '../../../src/reports/home-page-view.ts';
import { portfolioReport } from '../../../src/reports/portfolio-report.ts';
import type { AccountPlay, PortfolioAccount } from '../../../src/reports/report-input.ts';
import { ACCOUNTS, AS_OF, CONTEXT, MRR_HISTORY, TIERS } from './portfolio-fixture.ts';

// Six accounts, every figure below worked out by hand. asOf Monday 2025-06-02 12:00 UTC.
//
// id  name     owner  MRR   tier      score  history (03-01)  renewal (days)   queued play
// a1  Alpha    o1     5000  healthy   85     80               06-22 (20)       renewal, MEDIUM
// a2  Bravo    o2     2000  monitor   60     70               07-12 (40)       -
// a3  Charlie  o1     3000  at_risk   35     50               06-07 (5)        save, HIGH, open
// a4  Delta    o2     1000  critical  15     30               06-05 (3)        save, HIGH, held
// a5  Echo     o1        ?  no data    -      -               -                -
// a6  Foxtrot  o2     1500  critical  10     20               -                churned 05-10
const HISTORY_AT = '2025-03-01T00:00:00Z';

const play = (
  id: string,
  priority: AccountPlay['priority'],
  status: AccountPlay['status'],
  dueAt: string | null,
): AccountPlay => ({
  id,
  title: id === 'renewal-plan' ? 'Renewal' : 'Save the account',
  trigger: `why ${id}`,
  priority,
  ownerId: null,
  dueAt,
  status,
});

function account(
  companyId: string,
  name: string,
  ownerId: string,
  mrr: number | null,
  tier: string,
  score: number | null,
  earlier: number | null,
  renewalDate: string | null,
  more: Partial<PortfolioAccount> = {},
): PortfolioAccount {
  return {
    companyId,
    name,
    ownerId,
    segment: 'mid_market',
    mrr,
    tier,
    score,
    coverage: score === null ? 0 : 100,
    change7d: score === null ? null : 0,
    history: earlier === null ? [] : [{ at: HISTORY_AT, score: earlier }],
    renewalDate,
    renewalStep: null,
    churnedAt: null,
    winBack: null,
    plays: [],
    drivers: [],
    expansionSignals: [],
    ...more,
  };
}

const BOOK: PortfolioAccount[] = [
  account('a1', 'Alpha', 'o1', 5000, 'healthy', 85, 80, '2025-06-22', {
    plays: [play('renewal-plan', 'MEDIUM', 'task-created', '2025-06-05T12:00:00Z')],
  }),
  account('a2', 'Bravo', 'o2', 2000, 'monitor', 60, 70, '2025-07-12'),
  account('a3', 'Charlie', 'o1', 3000, 'at_risk', 35, 50, '2025-06-07', {
    plays: [play('save-playbook', 'HIGH', 'open', '2025-06-03T12:00:00Z')],
  }),
  account('a4', 'Delta', 'o2', 1000, 'critical', 15, 30, '2025-06-05', {
    plays: [
      play('save-playbook', 'HIGH', 'held', '2025-06-03T18:00:00Z'),
      play('payment-recovery', 'HIGH', 'enrolled', null),
    ],
  }),
  account('a5', 'Echo', 'o1', null, 'unknown', null, null, null),
  account('a6', 'Foxtrot', 'o2', 1500, 'critical', 10, 20, null, {
    churnedAt: '2025-05-10T12:00:00Z',
    plays: [play('save-playbook', 'HIGH', 'open', '2025-06-01T12:00:00Z')],
  }),
];

// Q1: a1 4000 → 5000 (02-15); May: a2 2500 → 2000 (05-20), a6 1500 → 0 (05-10).
const START = '2025-01-01T00:00:00Z';
const MRR = {
  a1: [
    { at: START, mrr: 4000 },
    { at: '2025-02-15T10:00:00Z', mrr: 5000 },
  ],
  a2: [
    { at: START, mrr: 2500 },
    { at: '2025-05-20T10:00:00Z', mrr: 2000 },
  ],
  a3: [{ at: START, mrr: 3000 }],
  a4: [{ at: START, mrr: 1000 }],
  a6: [
    { at: START, mrr: 1500 },
    { at: '2025-05-10T12:00:00Z', mrr: 0 },
  ],
};

const context = { asOf: AS_OF, timeZone: 'UTC', tiers: TIERS, owners: { o1: 'Olivia' } };
const view = homePageView(BOOK, MRR, context);

describe('the home page view', () => {
  it('is the contract the page reads', () => {
    expect(homePageViewSchema.parse(view)).toEqual(view);
    expect(view).toMatchObject({ version: 1, asOf: AS_OF.toISOString(), timeZone: 'UTC' });
  });

  it('places the MRR of the customers by tier, churned ones left out', () => {
    // 5 customers, 11000: shares of MRR 5000/11000 = 45.5 %, 2000 → 18.2, 3000 → 27.3, 1000 → 9.1.
    expect(view.total).toEqual({ accounts: 5, mrr: 11000 });
    expect(view.withoutMrr).toBe(1);
    expect(view.tiers).toEqual([
      tier('healthy', 'Healthy', 'green', 1, 5000, 45.5),
      tier('monitor', 'Monitor', 'yellow', 1, 2000, 18.2),
      tier('at_risk', 'At risk', 'orange', 1, 3000, 27.3),
      tier('critical', 'Critical', 'red', 1, 1000, 9.1),
      tier('unknown', 'No data', 'gray', 1, 0, 0),
    ]);
  });

  it('averages the score over 13 weeks, counting a churned account until it left', () => {
    // Weeks ending 03-10 … 05-05: (80 + 70 + 50 + 30 + 20) / 5 = 50; 05-12 … 05-26 without
    // Foxtrot: 230 / 4 = 57.5; today: (85 + 60 + 35 + 15) / 4 = 48.75 → 48.8.
    expect(view.trend).toHaveLength(13);
    expect(view.trend[0]).toEqual({ weekEnding: '2025-03-10', average: 50 });
    expect(view.trend.slice(0, 9).map((p) => p.average)).toEqual(Array(9).fill(50));
    expect(view.trend.slice(9, 12).map((p) => p.average)).toEqual([57.5, 57.5, 57.5]);
    expect(view.trend[12]).toEqual({ weekEnding: '2025-06-02', average: 48.8 });
    expect(view.averageScore).toBe(48.8);
    expect(view.trendChange).toEqual({ weeks: -1.2, week: -8.7 });
  });

  it('forecasts the renewals of the next 120 days, those that need someone first', () => {
    expect(view.renewals.days).toBe(120);
    expect(view.renewals.total).toEqual({ accounts: 4, mrr: 11000 });
    expect(view.renewals.windows.map((w) => [w.key, w.accounts, w.mrr])).toEqual([
      ['30', 3, 9000],
      ['60', 1, 2000],
      ['90', 0, 0],
      ['120', 0, 0],
    ]);
    expect(view.renewals.forecast.map((f) => [f.label, f.accounts, f.mrr])).toEqual([
      ['Committed', 1, 5000],
      ['Likely', 1, 2000],
      ['At risk', 1, 3000],
      ['Lost', 1, 1000],
    ]);
    expect(view.renewals.forecastRule[0]).toMatch(/^Committed: Healthy with more than 7 days/);
    expect(view.renewals.rows.map((r) => [r.companyId, r.daysToGo, r.forecast])).toEqual([
      ['a4', 3, 'lost'],
      ['a3', 5, 'at-risk'],
      ['a2', 40, 'likely'],
      ['a1', 20, 'committed'],
    ]);
    expect(view.renewals.rows[0]).toEqual({
      companyId: 'a4',
      name: 'Delta',
      ownerId: 'o2',
      ownerName: null,
      renewalDate: '2025-06-05',
      daysToGo: 3,
      mrr: 1000,
      tier: 'critical',
      score: 15,
      forecast: 'lost',
      forecastReason: 'Critical, a week or less to go, not signed',
    });
  });

  it('queues the plays waiting on someone, with the company to open and its owner', () => {
    expect(view.alerts.total).toBe(3);
    expect(view.alerts.rows.map((r) => [r.companyId, r.priority, r.status])).toEqual([
      ['a3', 'HIGH', 'open'],
      ['a4', 'HIGH', 'held'],
      ['a1', 'MEDIUM', 'task-created'],
    ]);
    expect(view.alerts.rows[0]).toEqual({
      companyId: 'a3',
      name: 'Charlie',
      tier: 'at_risk',
      score: 35,
      change7d: 0,
      mrr: 3000,
      play: 'Save the account',
      trigger: 'why save-playbook',
      priority: 'HIGH',
      ownerId: 'o1',
      ownerName: 'Olivia',
      dueAt: '2025-06-03T12:00:00Z',
      status: 'open',
    });
  });

  it('gives NRR, GRR and logo churn for the last full month and quarter', () => {
    // Q1: 5 paying, 12000; a1 +1000. NRR 13000 / 12000 = 108.3 %, GRR 100 %, no churn.
    expect(view.retention.quarter).toEqual({
      label: 'Q1 2025',
      from: '2025-01-01',
      to: '2025-03-31',
      startsAt: '2025-01-01T00:00:00.000Z',
      notes: [],
      start: { accounts: 5, mrr: 12000 },
      expansion: { accounts: 1, mrr: 1000 },
      contraction: { accounts: 0, mrr: 0 },
      churn: { accounts: 0, mrr: 0 },
      newMrr: { accounts: 0, mrr: 0 },
      nrr: 108.3,
      grr: 100,
      logoChurn: { lost: 0, start: 5, percent: 0 },
    });
    // May: 5 paying, 13000; a2 −500, a6 −1500. NRR = GRR = 11000 / 13000 = 84.6 %; 1 of 5 lost.
    expect(view.retention.month).toMatchObject({
      label: 'May 2025',
      from: '2025-05-01',
      to: '2025-05-31',
      start: { accounts: 5, mrr: 13000 },
      contraction: { accounts: 1, mrr: 500 },
      churn: { accounts: 1, mrr: 1500 },
      nrr: 84.6,
      grr: 84.6,
      logoChurn: { lost: 1, start: 5, percent: 20 },
    });
  });

  it('says when the MRR record began inside the period', () => {
    const late = homePageView(BOOK, { a1: [{ at: '2025-02-10T00:00:00Z', mrr: 5000 }] }, context);
    expect(late.retention.quarter.startsAt).toBe('2025-02-10T00:00:00.000Z');
    expect(late.retention.quarter.notes).toEqual([
      'Vitals began recording MRR on 2025-02-10: the period is counted from then.',
    ]);
    expect(late.retention.quarter.nrr).toBe(100);
  });

  it('has nothing to count on a portal no run has scored', () => {
    const empty = homePageView([], {}, context);
    expect(homePageViewSchema.parse(empty)).toEqual(empty);
    expect(empty.total).toEqual({ accounts: 0, mrr: 0 });
    expect(empty.averageScore).toBeNull();
    expect(empty.renewals.rows).toEqual([]);
    expect(empty.retention.month.nrr).toBeNull();
    expect(empty.retention.month.notes).toEqual(['No MRR has been recorded yet.']);
  });

  it('stops each list at the first rows, and its totals still count them all', () => {
    const many = Array.from({ length: 2_000 }, (_, i) =>
      account(`m${i}`, `Account ${i}`, 'o1', 100, 'critical', 10, 20, '2025-06-20', {
        plays: [play('save-playbook', 'HIGH', 'open', '2025-06-03T12:00:00Z')],
      }),
    );
    const big = homePageView(many, {}, context);
    expect(big.renewals.rows).toHaveLength(HOME_PAGE_ROWS);
    expect(big.renewals.total).toEqual({ accounts: 2_000, mrr: 200_000 });
    expect(big.alerts.rows).toHaveLength(HOME_PAGE_ROWS);
    expect(big.alerts.total).toBe(2_000);
    // No list grows with the portal: the view stays the size of its first rows.
    expect(JSON.stringify(big).length).toBeLessThan(60_000);
  });
});

describe('the home page view of the 20-account book', () => {
  const book = homePageView(ACCOUNTS, MRR_HISTORY, CONTEXT);

  it('agrees with the portfolio report', () => {
    const report = portfolioReport(ACCOUNTS, CONTEXT);
    expect(book.tiers.map((t) => [t.key, t.accounts, t.mrr])).toEqual(
      report.byTier.map((t) => [t.tier, t.accounts, t.mrr]),
    );
    expect(book.alerts.rows.map((r) => r.companyId)).toEqual(report.alerts.map((a) => a.companyId));
  });

  it('counts Q1 2025 as `vitals report retention --from 2025-01-01 --to 2025-03-31` does', () => {
    expect(book.retention.quarter).toMatchObject({
      label: 'Q1 2025',
      start: { accounts: 17, mrr: 42600 },
      nrr: 98.2,
      grr: 95.9,
      logoChurn: { lost: 2, start: 17, percent: 11.8 },
    });
  });
});

function tier(
  key: string,
  label: string,
  color: string,
  accounts: number,
  mrr: number,
  mrrShare: number,
) {
  return { key, label, color, accounts, mrr, accountShare: 20, mrrShare };
}
