import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/reports/render-report.ts';
import { NO_NPS_ANSWERS, retentionReport } from '../../../src/reports/retention-report.ts';
import { ACCOUNTS, MRR_HISTORY, RATINGS } from './portfolio-fixture.ts';

const retention = (from: string, to: string, more: object = {}) =>
  retentionReport({
    accounts: ACCOUNTS,
    history: MRR_HISTORY,
    ratings: RATINGS,
    from,
    to,
    ...more,
  });

describe('the retention report', () => {
  it("computes DOMAIN §8's figures over a quarter", () => {
    // Paying on 01-01: c01 7000, c02 3500, c03 400, c04 2500, c05 6000, c06 1200, c07 300,
    // c08 1800, c09 900, c11 7000, c12 2000, c13 250, c14 5500, c15 1500, c16 200, c18 2200,
    // c19 350: 17 accounts, 42600.
    // By 03-31: c01 +1000 (expansion), c02 −500 (contraction), c09 and c19 at 0 (churn 900 + 350).
    // NRR = (42600 + 1000 − 500 − 1250) / 42600 = 41850 / 42600 = 98.24 % → 98.2
    // GRR = (42600 − 500 − 1250) / 42600 = 40850 / 42600 = 95.89 % → 95.9
    // Logo churn = 2 / 17 = 11.76 % → 11.8
    const q1 = retention('2025-01-01', '2025-03-31');
    expect(q1.start).toMatchObject({ accounts: 17, mrr: 42600 });
    expect(q1.expansion).toMatchObject({ mrr: 1000, ids: ['c01'] });
    expect(q1.contraction).toMatchObject({ mrr: 500, ids: ['c02'] });
    expect(q1.churn).toMatchObject({ mrr: 1250, ids: ['c09', 'c19'] });
    expect(q1.end).toMatchObject({ accounts: 15, mrr: 41850 });
    expect(q1.nrr.percent).toBe(98.2);
    expect(q1.grr.percent).toBe(95.9);
    expect(q1.logoChurn).toEqual({ lost: 2, start: 17, percent: 11.8, ids: ['c09', 'c19'] });
    expect(q1.newMrr).toMatchObject({ accounts: 0, mrr: 0 });
    expect(q1.nrr.ids).toHaveLength(17);
    expect(q1.notes).toEqual([]);
    expect(q1.formulas[0]).toBe(
      'NRR = (start MRR + expansion − contraction − churn) / start MRR × 100',
    );
  });

  it('takes NPS from each contact’s latest answer up to the end of the period', () => {
    // p1 8, p4 7 (passives), p2 9, p6 10 (promoters), p3 6 (detractor); p5 came after 03-31.
    // (2 − 1) / 5 = 20 %.
    const q1 = retention('2025-01-01', '2025-03-31');
    expect(q1.nps).toMatchObject({
      score: 20,
      responses: 5,
      promoters: 2,
      passives: 2,
      detractors: 1,
    });
    expect(q1.nps!.ids.sort()).toEqual(['c01', 'c02', 'c03', 'c05', 'c11']);
    expect(
      retentionReport({
        accounts: ACCOUNTS,
        history: MRR_HISTORY,
        from: '2025-01-01',
        to: '2025-03-31',
      }).nps,
    ).toBeNull();
  });

  it('shows NPS as its own table, and says where answers come from when there are none', () => {
    const csv = renderReport(retention('2025-01-01', '2025-03-31'), 'csv', { table: 'nps' });
    expect(csv.split('\r\n')).toEqual([
      'Figure,Value',
      'NPS,20',
      'Contacts who answered,5',
      'Promoters (9–10),2',
      'Passives (7–8),2',
      'Detractors (0–6),1',
      'Companies they are at,5',
      '',
    ]);
    const none = retention('2025-01-01', '2025-03-31', { ratings: [] });
    expect(none.nps).toMatchObject({ score: null, responses: 0 });
    expect(none.notes).toEqual([NO_NPS_ANSWERS]);
    expect(renderReport(none, 'table')).toMatch(/^NPS +-$/m);
  });

  it('keeps accounts added mid-period out of NRR, and counts a churn in the period', () => {
    // Paying on 04-01: the 15 still paying at the end of Q1, 41850. c18 churns on 05-20 (2200);
    // c17 starts on 05-12 (1000, new) and c09 comes back on 04-15 (900): 1900 apart.
    // NRR = GRR = (41850 − 2200) / 41850 = 94.74 % → 94.7; logo churn 1 / 15 = 6.7 %.
    const spring = retention('2025-04-01', '2025-05-31');
    expect(spring.start).toMatchObject({ accounts: 15, mrr: 41850 });
    expect(spring.churn).toMatchObject({ mrr: 2200, ids: ['c18'] });
    expect(spring.nrr.percent).toBe(94.7);
    expect(spring.grr.percent).toBe(94.7);
    expect(spring.logoChurn.percent).toBe(6.7);
    expect(spring.newMrr).toMatchObject({ accounts: 2, mrr: 1900 });
    const moves = Object.fromEntries(spring.rows.map((r) => [r.companyId, r.movement]));
    expect(moves).toMatchObject({ c17: 'new', c09: 'won-back', c18: 'churn', c04: 'unchanged' });
  });

  it('compares only the two ends: an account that left and came back inside the period is no churn', () => {
    // c09: 900 on 01-01, 0 on 02-01, 900 again on 04-15.
    const half = retention('2025-01-01', '2025-05-31');
    expect(half.rows.find((r) => r.companyId === 'c09')).toMatchObject({
      start: 900,
      end: 900,
      movement: 'unchanged',
    });
    // The churns of January to May: c18 (2200) and c19 (350), most MRR first.
    expect(half.churn.ids).toEqual(['c18', 'c19']);
  });

  it('starts counting when the MRR record begins, and says so', () => {
    const early = retention('2024-10-01', '2025-03-31');
    expect(early.startsAt).toBe('2025-01-01T00:00:00.000Z');
    expect(early.notes).toEqual([
      'Vitals began recording MRR on 2025-01-01: the period is counted from then.',
    ]);
    expect(early.nrr.percent).toBe(98.2);
  });

  it('handles empty periods without dividing by zero', () => {
    // One instant: nothing moves.
    const instant = retention('2025-02-20T00:00:00Z', '2025-02-20T00:00:00Z');
    expect([instant.nrr.percent, instant.grr.percent, instant.logoChurn.percent]).toEqual([
      100, 100, 0,
    ]);
    // Before the record: no account to measure.
    const before = retention('2024-01-01', '2024-06-30');
    expect(before.start).toEqual({ accounts: 0, mrr: 0, ids: [] });
    expect([before.nrr.percent, before.grr.percent, before.logoChurn.percent]).toEqual([
      null,
      null,
      null,
    ]);
    expect(before.notes[0]).toMatch(/ends before Vitals began recording MRR/);
    const none = retentionReport({
      accounts: [],
      history: {},
      from: '2025-01-01',
      to: '2025-03-31',
    });
    expect(none.notes).toEqual(['No MRR has been recorded yet.']);
    expect(none.nrr.percent).toBeNull();
  });

  it('refuses a period that ends before it starts, or a date that is no date', () => {
    expect(() => retention('2025-03-31', '2025-01-01')).toThrow(
      /ends \(2025-01-01\) before it starts/,
    );
    expect(() => retention('2025-02-30', '2025-03-31')).toThrow(/"2025-02-30" is not a date/);
  });

  it('applies the owner filter before computing', () => {
    // o1 paying on 01-01: c01 7000, c02 3500, c05 6000, c06 1200, c08 1800, c12 2000, c14 5500,
    // c16 200, c18 2200 = 29400 (9). NRR = (29400 + 1000 − 500) / 29400 = 101.7 %;
    // GRR = 28900 / 29400 = 98.3 %. NPS over c01 (8), c02 (9), c05 (6): (1 − 1) / 3 = 0.
    const o1 = retentionReport(
      {
        accounts: ACCOUNTS,
        history: MRR_HISTORY,
        ratings: RATINGS,
        from: '2025-01-01',
        to: '2025-03-31',
      },
      { owner: 'o1' },
    );
    expect(o1.start).toMatchObject({ accounts: 9, mrr: 29400 });
    expect([o1.nrr.percent, o1.grr.percent, o1.logoChurn.percent]).toEqual([101.7, 98.3, 0]);
    expect(o1.nps).toMatchObject({ score: 0, responses: 3 });
  });
});
