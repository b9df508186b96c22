import { describe, expect, it } from 'vitest';
import type { PlayInput } from '../../../src/plays/play-types.ts';
import {
  enrolments,
  evaluateInOrder,
  firedRules,
  managerCopies,
  ownerTasks,
  ownerUpdates,
  run,
  verdictOf,
} from './outcome-views.ts';
import { account, NOW, settings, withScore } from './play-input.ts';
import { daysOut } from './scenario-dues.ts';

const RENEWAL_RULES = [
  'renewal-forecast',
  'renewal-sequence',
  'renewal-review',
  'renewal-contract',
  'renewal-escalation',
  'renewal-red-alert',
];
// Monitor, so that the healthy-account expansion play stays out of the way.
const renewingIn = (days: number, over: Partial<PlayInput> = {}) =>
  run({ current: withScore(60), account: account({ renewalDate: daysOut(days) }), ...over });
const renewalFired = (days: number) =>
  firedRules(renewingIn(days)).filter((id) => RENEWAL_RULES.includes(id));

describe('the renewal timeline', () => {
  it.each([
    [121, []],
    [120, ['renewal-forecast']],
    [91, ['renewal-forecast']],
    [90, ['renewal-sequence', 'renewal-review']],
    [76, ['renewal-sequence', 'renewal-review']],
    [75, ['renewal-review']],
    [31, ['renewal-review']],
    [30, ['renewal-contract']],
    [15, ['renewal-contract']],
    [14, ['renewal-escalation']],
    [8, ['renewal-escalation']],
    [7, ['renewal-red-alert']],
    [0, ['renewal-red-alert']],
    [-1, []],
  ])('%d days before the renewal fires %j', (days, rules) => {
    expect(renewalFired(days)).toEqual(rules);
  });

  it('follows settings.renewal.offsetDays for the sequence and the review', () => {
    const at = (days: number) =>
      firedRules(
        renewingIn(days, { settings: settings({ renewal: { sequenceId: '1', offsetDays: 60 } }) }),
      );
    expect(at(61)).toContain('renewal-forecast');
    expect(at(60)).toEqual(expect.arrayContaining(['renewal-sequence', 'renewal-review']));
    expect(at(45)).not.toContain('renewal-sequence');
  });

  it('joins an account first seen 3 days out at its step: the red alert only', () => {
    const late = renewingIn(3, { settings: settings({ managers: { o1: 'm1' } }) });
    expect(firedRules(late)).toEqual(['renewal-red-alert']);
    expect(enrolments(late)).toEqual([]);
    expect(verdictOf(late, 'renewal-review')?.why).toBe(
      'renewal in 3 days: past this step, a later one applies',
    );
    expect(verdictOf(late, 'renewal-sequence')?.why).toMatch(/past this step/);
    expect(ownerTasks(late, 'renewal')[0]).toMatchObject({
      key: `c1:renewal-plan:${daysOut(3)}`,
      subject: 'Renewal in a week and not signed: follow up every day — Acme',
      priority: 'HIGH',
    });
    expect(managerCopies(late, 'renewal').map((c) => c.ownerId)).toEqual(['m1']);
  });

  it('does not run for trials, which have no renewal', () => {
    const trial = renewingIn(50, {
      account: account({ renewalDate: daysOut(50), segment: 'trial' }),
    });
    expect(ownerTasks(trial)).toEqual([]);
    expect(verdictOf(trial, 'renewal-review')?.why).toMatch(
      /only for enterprise, mid_market, smb accounts; this one is trial/,
    );
  });
});

describe('one renewal task per renewal date', () => {
  const DATE = daysOut(120);
  const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
  const at = (n: number, renewalDate = DATE): Partial<PlayInput> => ({
    now: day(n),
    current: withScore(60),
    account: account({ renewalDate }),
    settings: settings({ managers: { o1: 'm1' } }),
  });
  // 120, 90, 30, 14 and 7 days out, then the day after the renewal.
  const runs = evaluateInOrder([at(0), at(30), at(90), at(106), at(113), at(121)]);

  it('is made by the forecast and updated by each later step, keyed on the renewal date', () => {
    const key = `c1:renewal-plan:${DATE}`;
    expect(ownerTasks(runs[0]!, 'renewal').map((t) => t.key)).toEqual([key]);
    expect(runs.slice(1).flatMap((r) => ownerTasks(r, 'renewal'))).toEqual([]);
    const steps = runs.slice(1, 5).map((r) => ownerUpdates(r, 'renewal')[0]);
    expect(steps.map((u) => [u?.target, u?.status, u?.priority])).toEqual([
      [key, 'NOT_STARTED', 'MEDIUM'],
      [key, 'NOT_STARTED', 'MEDIUM'],
      [key, 'NOT_STARTED', 'HIGH'],
      [key, 'NOT_STARTED', 'HIGH'],
    ]);
    expect(steps[3]?.subject).toBe('Renewal in a week and not signed: follow up every day — Acme');
  });

  it('enrols the signers once, at 90 days', () => {
    expect(runs.map((r) => enrolments(r).length)).toEqual([0, 1, 0, 0, 0, 0]);
  });

  it('gives the manager a copy at the red alert, and only then', () => {
    expect(runs.map((r) => managerCopies(r, 'renewal').length)).toEqual([0, 0, 0, 0, 1, 0]);
  });

  it('completes the task (and the copy) once the date has passed', () => {
    const closes = runs[5]!.actions.filter((a) => a.kind === 'task-update');
    expect(closes.map((a) => a.kind === 'task-update' && [a.target, a.status])).toEqual([
      [`c1:renewal-plan:${DATE}`, 'COMPLETED'],
      [`c1:renewal-plan:${DATE}:manager`, 'COMPLETED'],
    ]);
    expect(ownerUpdates(runs[5]!)[0]?.body).toMatch(
      new RegExp(`^Closed by Vitals on 2025-07-11: the renewal date ${DATE} has passed\\.`),
    );
    expect(runs[5]!.tracks.renewal).toBeUndefined();
  });

  it('completes it when the date moves, and starts the new date at its own step', () => {
    const [, moved] = evaluateInOrder([at(0), at(30, daysOut(400))]);
    expect(ownerUpdates(moved!, 'renewal')[0]).toMatchObject({
      target: `c1:renewal-plan:${DATE}`,
      status: 'COMPLETED',
      body: expect.stringMatching(/the renewal date moved from .* to 2026-04-16\./),
    });
    expect(moved!.tracks.renewal).toBeUndefined();
  });
});
