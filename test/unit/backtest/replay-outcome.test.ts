import { describe, expect, it } from 'vitest';
import {
  outcomeAfter,
  type CompanyFate,
  type OutcomeRule,
} from '../../../src/backtest/replay-outcome.ts';

const DAY_MS = 86_400_000;
const TAKEN = '2025-01-01T00:00:00.000Z';
const TAKEN_MS = Date.parse(TAKEN);
/** The instant `days` (may be fractional or negative) after the reading. */
const after = (days: number) => new Date(TAKEN_MS + days * DAY_MS).toISOString();

/** A 90-day horizon judged long after it ended, churn only. */
const CLOSED: OutcomeRule = { horizonDays: 90, contraction: false, now: new Date('2026-01-01') };
const WITH_CONTRACTION: OutcomeRule = { ...CLOSED, contraction: true };

const churnedAt = (at: string | null, contractedAt: string[] = []): CompanyFate => ({
  churnedAt: at,
  contractedAt,
});

describe('outcomeAfter: churn within the horizon', () => {
  it('is 1 when churn falls inside (takenAt, takenAt + horizon]', () => {
    for (const days of [0.001, 1, 45, 89.9]) {
      expect(outcomeAfter(TAKEN, churnedAt(after(days)), CLOSED)).toBe(1);
    }
  });

  it('counts churn exactly at takenAt + horizon as within it', () => {
    expect(outcomeAfter(TAKEN, churnedAt(after(90)), CLOSED)).toBe(1);
  });

  it('is 0 when churn came just after the horizon ended', () => {
    expect(
      outcomeAfter(TAKEN, churnedAt(new Date(TAKEN_MS + 90 * DAY_MS + 1).toISOString()), CLOSED),
    ).toBe(0);
    expect(outcomeAfter(TAKEN, churnedAt(after(200)), CLOSED)).toBe(0);
  });

  it('follows the horizon it is given, not a fixed one', () => {
    const fate = churnedAt(after(40));
    expect(outcomeAfter(TAKEN, fate, { ...CLOSED, horizonDays: 30 })).toBe(0);
    expect(outcomeAfter(TAKEN, fate, { ...CLOSED, horizonDays: 60 })).toBe(1);
  });

  it('is 0 for a company still a customer, or one with no recorded fate, once the horizon has ended', () => {
    expect(outcomeAfter(TAKEN, churnedAt(null), CLOSED)).toBe(0);
    expect(outcomeAfter(TAKEN, undefined, CLOSED)).toBe(0);
  });

  it('reads a churn date without a time as midnight UTC of that day', () => {
    // 2025-04-01 is exactly 90 days after 2025-01-01: on the edge, so still within.
    expect(outcomeAfter(TAKEN, churnedAt('2025-04-01'), CLOSED)).toBe(1);
    expect(outcomeAfter(TAKEN, churnedAt('2025-04-02'), CLOSED)).toBe(0);
  });
});

describe('outcomeAfter: readings that say nothing', () => {
  it('is null when the account had already churned before the reading', () => {
    expect(outcomeAfter(TAKEN, churnedAt(after(-10)), CLOSED)).toBeNull();
  });

  it('is null when churn came at the very instant of the reading', () => {
    expect(outcomeAfter(TAKEN, churnedAt(TAKEN), CLOSED)).toBeNull();
    // Even when a contraction inside the horizon would otherwise count.
    expect(outcomeAfter(TAKEN, churnedAt(TAKEN, [after(5)]), WITH_CONTRACTION)).toBeNull();
  });

  it('is null while the horizon is still open and nothing was lost yet', () => {
    const now = new Date(TAKEN_MS + 30 * DAY_MS);
    expect(outcomeAfter(TAKEN, churnedAt(null), { ...CLOSED, now })).toBeNull();
    expect(outcomeAfter(TAKEN, undefined, { ...CLOSED, now })).toBeNull();
  });

  it('judges a reading as soon as its horizon has ended: 0 when now is exactly takenAt + horizon', () => {
    const fate = churnedAt(null);
    const atEnd = new Date(TAKEN_MS + 90 * DAY_MS);
    expect(outcomeAfter(TAKEN, fate, { ...CLOSED, now: atEnd })).toBe(0);
    expect(outcomeAfter(TAKEN, fate, { ...CLOSED, now: new Date(atEnd.getTime() - 1) })).toBeNull();
  });

  it('is 1, not null, when churn already came even though the horizon has not ended', () => {
    const now = new Date(TAKEN_MS + 30 * DAY_MS);
    expect(outcomeAfter(TAKEN, churnedAt(after(20)), { ...CLOSED, now })).toBe(1);
  });

  it('does not call a loss a keep while the horizon is open: a contraction not counted leaves it unknown', () => {
    const now = new Date(TAKEN_MS + 30 * DAY_MS);
    expect(outcomeAfter(TAKEN, churnedAt(null, [after(10)]), { ...CLOSED, now })).toBeNull();
  });
});

describe('outcomeAfter: contraction', () => {
  const dropped = churnedAt(null, [after(30)]);

  it('counts an MRR drop within the horizon only when the rule counts contraction', () => {
    expect(outcomeAfter(TAKEN, dropped, CLOSED)).toBe(0);
    expect(outcomeAfter(TAKEN, dropped, WITH_CONTRACTION)).toBe(1);
  });

  it('applies the same (takenAt, takenAt + horizon] edges to a drop as to churn', () => {
    expect(outcomeAfter(TAKEN, churnedAt(null, [TAKEN]), WITH_CONTRACTION)).toBe(0);
    expect(outcomeAfter(TAKEN, churnedAt(null, [after(90)]), WITH_CONTRACTION)).toBe(1);
    expect(
      outcomeAfter(
        TAKEN,
        churnedAt(null, [new Date(TAKEN_MS + 90 * DAY_MS + 1).toISOString()]),
        WITH_CONTRACTION,
      ),
    ).toBe(0);
  });

  it('ignores drops before the reading and after the horizon but finds one in between', () => {
    const fate = churnedAt(null, [after(-40), after(-1), after(60), after(300)]);
    expect(outcomeAfter(TAKEN, fate, WITH_CONTRACTION)).toBe(1);
    const outside = churnedAt(null, [after(-40), after(-1), after(300)]);
    expect(outcomeAfter(TAKEN, outside, WITH_CONTRACTION)).toBe(0);
  });

  it('counts a drop within the horizon when churn came only after it', () => {
    const fate = churnedAt(after(200), [after(30)]);
    expect(outcomeAfter(TAKEN, fate, CLOSED)).toBe(0);
    expect(outcomeAfter(TAKEN, fate, WITH_CONTRACTION)).toBe(1);
  });

  it('is 1 for a drop that already came while the horizon is still open', () => {
    const now = new Date(TAKEN_MS + 40 * DAY_MS);
    expect(outcomeAfter(TAKEN, dropped, { ...WITH_CONTRACTION, now })).toBe(1);
  });
});
