import { describe, expect, it } from 'vitest';
import type { PlayInput } from '../../../src/plays/play-types.ts';
import {
  enrolments,
  evaluateInOrder,
  firedRules,
  ownerTasks,
  run,
  verdictOf,
  work,
} from './outcome-views.ts';
import { account, daysAgo, explain, NOW, withScore } from './play-input.ts';
import { daysOut, SAME_DAY } from './scenario-dues.ts';

const first = (over: Partial<PlayInput>) => run({ ...over, baseline: true });

describe("the portal's first evaluation (baseline)", () => {
  it('records what already holds without acting on it, and says so', () => {
    const outcome = first({
      current: withScore(40),
      account: account({ daysSinceContact: 30, observed: { budget_review: daysAgo(2) } }),
    });
    expect(work(outcome)).toEqual([]);
    for (const id of ['tier-at-risk', 'no-contact-3-weeks', 'budget-review'])
      expect(verdictOf(outcome, id)).toMatchObject({
        fired: false,
        why: expect.stringMatching(/\(already so when Vitals started watching\)$/),
      });
    const save = outcome.tracks.save!;
    expect(save.triggers.map((t) => [t.ruleId, t.baseline])).toEqual([
      ['tier-at-risk', true],
      ['no-contact-3-weeks', true],
      ['budget-review', true],
    ]);
    expect(save).toMatchObject({ task: false, dueAt: null });
    // Crossings are remembered, so the next run does not treat them as new.
    expect(outcome.active).toEqual(['tier-at-risk', 'no-contact-3-weeks']);
  });

  it('keeps the enrolments it would have made in `baselined`, not in the actions', () => {
    const outcome = first({ account: account({ renewalDate: daysOut(90) }) });
    expect(enrolments(outcome)).toEqual([]);
    expect(outcome.baselined.map((a) => a.key)).toEqual([`c1:renewal-sequence:${daysOut(90)}:k1`]);
    const churned = first({ account: account({ churnedAt: daysAgo(5) }) });
    expect(churned.baselined.map((a) => a.ruleId)).toEqual(['win-back']);
    expect(work(churned)).toEqual([]);
  });

  it.each([
    ['tier-critical', { current: withScore(10) }],
    [
      'payment-failed-twice',
      { account: account({ paymentFailures: 2, paymentFailedAt: NOW.toISOString() }) },
    ],
    ['champion-left', { account: account({ observed: { champion_left: daysAgo(14) } }) }],
    ['renewal-contract', { account: account({ renewalDate: daysOut(20) }) }],
    ['renewal-escalation', { account: account({ renewalDate: daysOut(10) }) }],
    ['renewal-red-alert', { account: account({ renewalDate: daysOut(3) }) }],
  ] as const)('acts on the urgent %s all the same', (ruleId, over) => {
    const outcome = first(over);
    expect(verdictOf(outcome, ruleId)).toMatchObject({ fired: true });
    expect(ownerTasks(outcome)).toHaveLength(1);
    expect(outcome.baselined).toEqual([]);
  });

  it('enrols in payment recovery and writes on day 10 on the first evaluation too', () => {
    const unpaid = account({ paymentFailures: 3, paymentFailedAt: daysAgo(7), mrr: 3000 });
    const outcome = first({ account: unpaid });
    expect(firedRules(outcome)).toEqual([
      'payment-failed-twice',
      'payment-recovery',
      'payment-recovery-high-value',
    ]);
    expect(enrolments(outcome, 'payment-recovery')).toHaveLength(1);
    expect(ownerTasks(outcome, 'save')[0]).toMatchObject({ priority: 'HIGH', dueAt: SAME_DAY });
  });

  it('treats a champion who left more than 14 days ago, or only by the score, as old news', () => {
    const reported = first({ account: account({ observed: { champion_left: daysAgo(15) } }) });
    expect(verdictOf(reported, 'champion-left')?.fired).toBe(false);
    const derived = first({ current: explain({ champion_status: 'left' }) });
    expect(verdictOf(derived, 'champion-left')?.fired).toBe(false);
    expect(work(reported).concat(work(derived))).toEqual([]);
  });

  it('opens the task on the first new trigger after it, listing the baseline as history', () => {
    const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
    const quiet = { current: withScore(40), account: account({ daysSinceContact: 30 }) };
    const [start, same, news] = evaluateInOrder([
      { ...quiet, baseline: true },
      { ...quiet, now: day(1) },
      {
        ...quiet,
        now: day(2),
        account: account({ daysSinceContact: 32, npsLast: 3, npsAt: day(2).toISOString() }),
      },
    ]);
    expect(work(start!)).toEqual([]);
    expect(work(same!)).toEqual([]);
    const task = ownerTasks(news!, 'save')[0]!;
    expect(task.key).toBe('c1:save-playbook:2025-03-12T10:00:00');
    expect(task.subject).toBe('Low NPS answer: call them personally — Acme');
    expect(task.body).toContain(
      '(already so when Vitals started watching) — At risk: run the save playbook',
    );
  });
});
