import { describe, expect, it } from 'vitest';
import type { PlayInput } from '../../../src/plays/play-types.ts';
import { bodyOf, evaluateInOrder, ownerTasks, ownerUpdates } from './outcome-views.ts';
import { account, explain, NOW, point, withScore } from './play-input.ts';

const DAY = 86_400_000;
const day = (n: number) => new Date(NOW.getTime() + n * DAY);

// What a rep reads in the track's task, case by case: each fixed after reading real bodies.
describe('a save task as a rep reads it', () => {
  it('counts the checkpoints from when the task was made, not from a baseline that only noted it', () => {
    const quiet: Partial<PlayInput> = {
      now: day(0),
      baseline: true,
      account: account({ daysSinceContact: 25 }),
    };
    const urgent: Partial<PlayInput> = {
      now: day(20),
      account: account({
        daysSinceContact: 45,
        observed: { cancellation_terms_asked: day(20).toISOString() },
      }),
    };
    const later = (n: number): Partial<PlayInput> => ({ ...urgent, now: day(n) });
    const [baseline, made, day31, day51] = evaluateInOrder([quiet, urgent, later(31), later(51)]);
    expect(ownerTasks(baseline!, 'save')).toEqual([]);
    expect(ownerTasks(made!, 'save')).toHaveLength(1);
    // Day 31 after the baseline is day 11 of the task: no checkpoint yet; day 51 is its day 31.
    expect(ownerUpdates(day31!, 'save')).toEqual([]);
    expect(ownerUpdates(day51!, 'save')[0]?.body).toContain('Why now: day 30 of the save episode');
  });

  it('leads with the pending news, due when it asks, and keeps it ahead of a checkpoint', () => {
    const atRisk = (n: number, extra: Partial<PlayInput> = {}): Partial<PlayInput> => ({
      now: day(n),
      current: withScore(40),
      ...extra,
    });
    const cancel = {
      account: account({ observed: { cancellation_terms_asked: day(28).toISOString() } }),
    };
    const [, asked, checkpoint] = evaluateInOrder([
      atRisk(0),
      atRisk(28, cancel),
      atRisk(31, cancel),
    ]);
    const rewritten = ownerUpdates(asked!, 'save')[0]!;
    expect(rewritten.subject).toMatch(/^They asked how to cancel/);
    // The at-risk due time had passed; the new news sets its own: same day (Wednesday 9 April).
    expect(rewritten.dueAt).toBe('2025-04-09T15:00:00.000Z');
    const update = ownerUpdates(checkpoint!, 'save')[0]!;
    // Three days on, the call's due time has passed: the checkpoint is the pending work and leads.
    expect(update.subject).toMatch(/^Save checkpoint/);
  });

  it('leaves the rescue playbook out of a healthy account that only went quiet', () => {
    const [quiet] = evaluateInOrder([
      { account: account({ daysSinceContact: 25 }), current: explain() },
    ]);
    const body = bodyOf(quiet!, 'save');
    expect(body).toContain('Why now: no contact for 25 days.');
    expect(body).not.toContain('Save playbook');
    expect(body).not.toContain('Discounts:');
  });
});

describe('an expansion task', () => {
  const healthy = (n: number, extra: Partial<PlayInput> = {}): Partial<PlayInput> => ({
    now: day(n),
    current: explain(),
    account: account({ observed: { success_milestone: day(0).toISOString() } }),
    history: [point(day(n), 40, 70, 'monitor')],
    ...extra,
  });

  it('stays open while the account is still in the best tier, though its signal has aged', () => {
    const [made, aged] = evaluateInOrder([healthy(0), healthy(40)]);
    expect(ownerTasks(made!, 'expansion')).toHaveLength(1);
    expect(ownerUpdates(aged!, 'expansion')).toEqual([]);
    expect(aged!.tracks.expansion).toEqual(made!.tracks.expansion);
  });

  it('is completed when the account leaves the best tier, saying so', () => {
    const [, slipped] = evaluateInOrder([healthy(0), healthy(40, { current: withScore(70) })]);
    expect(ownerUpdates(slipped!, 'expansion')[0]).toMatchObject({
      status: 'COMPLETED',
      body: expect.stringMatching(
        /^Closed by Vitals on [\d-]+: the account is monitor, no longer in the best tier\./,
      ),
    });
  });
});
