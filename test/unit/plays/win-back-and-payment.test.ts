import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type { PlayInput } from '../../../src/plays/play-types.ts';
import { account, contact, daysAgo, input, NOW, settings, withScore } from './play-input.ts';

const run = (over: Partial<PlayInput>) => evaluatePlays(input(over));
const keysOf = (ruleId: string, outcome: ReturnType<typeof evaluatePlays>) =>
  outcome.actions.filter((a) => a.ruleId === ruleId).map((a) => a.key);

describe('win-back', () => {
  const contacts = [
    contact({ id: 'p1', primary: true }),
    contact({ id: 'p2', primary: true, left: true }),
    contact({ id: 'x', roles: ['CHAMPION'] }),
  ];
  const churned = (days: number) =>
    run({ account: account({ churnedAt: daysAgo(days), contacts }) });

  it('enrols the primary contacts still there, keyed on the churn date', () => {
    expect(keysOf('win-back', churned(10))).toEqual([`c1:win-back:${daysAgo(10)}:p1`]);
    expect(churned(10).actions.find((a) => a.ruleId === 'win-back')).toMatchObject({
      kind: 'enroll',
      sequence: 'winBack',
      sequenceId: '1002',
      skip: null,
    });
  });

  it('stops 365 days after the churn', () => {
    expect(keysOf('win-back', churned(365))).toHaveLength(1);
    expect(keysOf('win-back', churned(365.01))).toEqual([]);
    expect(churned(366).verdicts.find((v) => v.ruleId === 'win-back')?.why).toMatch(
      /more than 365 days ago/,
    );
  });

  it('follows settings.winBack.maxDaysAfterChurn', () => {
    const short = settings({ winBack: { sequenceId: '1002', maxDaysAfterChurn: 30 } });
    const late = run({ account: account({ churnedAt: daysAgo(31), contacts }), settings: short });
    expect(keysOf('win-back', late)).toEqual([]);
  });

  it('gives the same keys on every rerun, and new ones for a later churn', () => {
    const later = run({
      now: new Date(NOW.getTime() + 86_400_000),
      account: account({ churnedAt: daysAgo(10), contacts }),
    });
    expect(keysOf('win-back', later)).toEqual(keysOf('win-back', churned(10)));
    expect(keysOf('win-back', churned(3))).not.toEqual(keysOf('win-back', churned(10)));
  });

  it('is the only play a churned account gets', () => {
    const outcome = run({
      current: withScore(10),
      account: account({ churnedAt: daysAgo(10), contacts, renewalDate: '2025-04-01' }),
    });
    expect(new Set(outcome.actions.map((a) => a.ruleId))).toEqual(
      new Set(['win-back', 'recommended-plays']),
    );
    expect(outcome.verdicts.find((v) => v.ruleId === 'tier-critical')?.why).toBe(
      'the account has churned: only win-back applies',
    );
  });

  it('does nothing for a customer', () => {
    expect(run({}).verdicts.find((v) => v.ruleId === 'win-back')?.why).toBe(
      'only for churned accounts',
    );
  });
});

describe('payment recovery', () => {
  const failing = (over: Partial<Parameters<typeof account>[0]> = {}) =>
    account({ paymentFailures: 1, paymentFailedAt: daysAgo(1), ...over });

  it('enrols the primary contacts once per unpaid stretch', () => {
    const first = run({ account: failing() });
    expect(keysOf('payment-recovery', first)).toEqual(['c1:payment-recovery:2025-03-12:k2']);
    // A second failure a day later is the same stretch: nothing new.
    const second = run({
      now: new Date(NOW.getTime() + 86_400_000),
      account: failing({ paymentFailures: 2, paymentFailedAt: daysAgo(0) }),
      previouslyActive: new Set(first.active),
    });
    expect(keysOf('payment-recovery', second)).toEqual([]);
    // Paid up, then failing again a month later: a new stretch.
    const paid = run({ account: account(), previouslyActive: new Set(first.active) });
    expect(paid.active).not.toContain('payment-recovery');
    const again = run({
      now: new Date(NOW.getTime() + 30 * 86_400_000),
      account: failing(),
      previouslyActive: new Set(paid.active),
    });
    expect(keysOf('payment-recovery', again)).toEqual(['c1:payment-recovery:2025-04-11:k2']);
  });

  it('asks the owner to write personally only on high-value accounts', () => {
    const high = run({ account: failing({ mrr: 2000 }) });
    expect(high.actions.find((a) => a.ruleId === 'payment-recovery-high-value')).toMatchObject({
      kind: 'task',
      type: 'EMAIL',
      ownerId: 'o1',
      contactIds: ['k2'],
    });
    const low = run({ account: failing({ mrr: 1999 }) });
    expect(keysOf('payment-recovery-high-value', low)).toEqual([]);
    expect(low.verdicts.find((v) => v.ruleId === 'payment-recovery-high-value')?.why).toMatch(
      /MRR 1999 is below 2000/,
    );
    const unknown = run({ account: failing({ mrr: null }) });
    expect(keysOf('payment-recovery-high-value', unknown)).toEqual([]);
  });

  it('marks the enrolments skipped when no sequence is configured', () => {
    const unset = settings({ paymentRecovery: { sequenceId: null, highValueMrr: 2000 } });
    const outcome = run({ account: failing(), settings: unset });
    expect(outcome.actions.find((a) => a.ruleId === 'payment-recovery')).toMatchObject({
      skip: 'no payment-recovery sequence is configured',
    });
  });
});
