import { describe, expect, it } from 'vitest';
import type { AccountFacts } from '../../../src/plays/play-types.ts';
import {
  enrolments,
  evaluateInOrder,
  firedRules,
  ownerTasks,
  ownerUpdates,
  run,
  verdictOf,
  work,
} from './outcome-views.ts';
import { account, contact, daysAgo, NOW, settings, withScore } from './play-input.ts';

const keysOf = (ruleId: string, outcome: ReturnType<typeof run>) =>
  enrolments(outcome, ruleId).map((a) => a.key);

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
    expect(enrolments(churned(10))[0]).toMatchObject({
      sequence: 'winBack',
      sequenceId: '1002',
      skip: null,
    });
  });

  it('starts only within 30 days of the churn, so the sequence opens at its first email', () => {
    expect(keysOf('win-back', churned(30))).toHaveLength(1);
    expect(keysOf('win-back', churned(31))).toEqual([]);
    const late = churned(270);
    expect(work(late)).toEqual([]);
    expect(verdictOf(late, 'win-back')).toEqual({
      ruleId: 'win-back',
      fired: false,
      why: `churned on 2024-06-15, 270 days ago: the win-back sequence starts at its first email, so it is only started within 30 days of the churn`,
    });
  });

  it('follows a shorter settings.winBack.maxDaysAfterChurn', () => {
    const short = settings({ winBack: { sequenceId: '1002', maxDaysAfterChurn: 10 } });
    const at = (days: number) =>
      run({ account: account({ churnedAt: daysAgo(days), contacts }), settings: short });
    expect(keysOf('win-back', at(10))).toHaveLength(1);
    expect(keysOf('win-back', at(11))).toEqual([]);
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
    expect(outcome.tracks).toEqual({});
    expect(verdictOf(outcome, 'tier-critical')?.why).toBe(
      'the account has churned: only win-back applies',
    );
  });

  it('does nothing for a customer', () => {
    expect(verdictOf(run({}), 'win-back')?.why).toBe('only for churned accounts');
  });
});

describe('payment recovery', () => {
  const failing = (failures: number, lastDaysAgo: number, over: Partial<AccountFacts> = {}) =>
    account({ paymentFailures: failures, paymentFailedAt: daysAgo(lastDaysAgo), ...over });

  it('does nothing on a first failure: the automatic retry comes first', () => {
    const outcome = run({ account: failing(1, 0, { mrr: 9000 }) });
    expect(work(outcome)).toEqual([]);
    expect(verdictOf(outcome, 'payment-recovery')?.why).toBe(
      'one failed payment: the automatic retry comes first',
    );
  });

  it('enrols the primary contacts on the second failure, beside the save call', () => {
    const outcome = run({ account: failing(2, 0) });
    expect(keysOf('payment-recovery', outcome)).toEqual(['c1:payment-recovery:2025-03-12:k2']);
    expect(ownerTasks(outcome, 'save')[0]?.subject).toBe(
      'A payment failed twice: call today — Acme',
    );
  });

  it('enrols once per unpaid stretch, and again for a new stretch after paying', () => {
    const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
    const runs = evaluateInOrder([
      { account: failing(2, 0) },
      { now: day(2), account: failing(3, 0) },
      { now: day(10), account: account() },
      { now: day(30), account: failing(2, 0) },
    ]);
    expect(runs.map((r) => keysOf('payment-recovery', r))).toEqual([
      ['c1:payment-recovery:2025-03-12:k2'],
      [],
      [],
      ['c1:payment-recovery:2025-04-11:k2'],
    ]);
  });

  it('asks for a personal email on day 10 of the unpaid stretch, only for high value', () => {
    const dayOf = (failures: number, lastDaysAgo: number, mrr = 2000) =>
      firedRules(run({ account: failing(failures, lastDaysAgo, { mrr }) })).includes(
        'payment-recovery-high-value',
      );
    // Retry days 0, 1, 3, 6, 10: the second failure is day 1, the fifth is day 10.
    expect(dayOf(2, 8)).toBe(false);
    expect(dayOf(2, 9)).toBe(true);
    expect(dayOf(4, 3)).toBe(false);
    expect(dayOf(4, 4)).toBe(true);
    expect(dayOf(5, 0)).toBe(true);
    expect(dayOf(5, 0, 1999)).toBe(false);
    expect(dayOf(5, 0, null as unknown as number)).toBe(false);
    const low = run({ account: failing(5, 0, { mrr: 1999 }) });
    expect(verdictOf(low, 'payment-recovery-high-value')?.why).toMatch(/MRR 1999 is below 2000/);
  });

  it('turns the open save task into the personal email on day 10', () => {
    const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
    const stretch = (n: number) => ({ now: day(n), account: failing(2, 0, { mrr: 2500 }) });
    const [opened, sixth, tenth] = evaluateInOrder([stretch(0), stretch(5), stretch(9)]);
    expect(work(sixth!).filter((a) => a.kind !== 'enroll')).toEqual([]);
    const update = ownerUpdates(tenth!, 'save')[0];
    expect(update).toMatchObject({
      target: ownerTasks(opened!, 'save')[0]!.key,
      status: 'NOT_STARTED',
      subject: 'Still unpaid on day 10: send a personal note — Acme',
    });
    expect(update?.body).toContain('Write to the person who pays, in your own name');
  });

  it('marks the enrolments skipped when no sequence is configured', () => {
    const unset = settings({ paymentRecovery: { sequenceId: null, highValueMrr: 2000 } });
    const outcome = run({ account: failing(2, 0), settings: unset });
    expect(enrolments(outcome, 'payment-recovery')[0]).toMatchObject({
      skip: 'no payment-recovery sequence is configured',
    });
  });
});
