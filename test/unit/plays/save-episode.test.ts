import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type {
  PlannedAction,
  PlayInput,
  PlayOutcome,
  TaskAction,
  TaskUpdateAction,
} from '../../../src/plays/play-types.ts';
import { account, explain, input, NOW, point, settings, withScore } from './play-input.ts';

const DAY = 86_400_000;
const day = (n: number) => new Date(NOW.getTime() + n * DAY);

/** Runs the evaluations in order, carrying tracks and active rules as the shell does. */
function episode(
  steps: Partial<PlayInput>[],
): { outcome: PlayOutcome; actions: PlannedAction[] }[] {
  let tracks: PlayInput['tracks'] = {};
  let active = new Set<string>();
  return steps.map((step) => {
    const outcome = evaluatePlays(
      input({
        settings: settings({ managers: { o1: 'm1' } }),
        ...step,
        tracks,
        previouslyActive: active,
      }),
    );
    tracks = outcome.tracks;
    active = new Set(outcome.active);
    return { outcome, actions: outcome.actions.filter((a) => a.kind !== 'property') };
  });
}

const ownerTasks = (actions: PlannedAction[]) =>
  actions.filter((a): a is TaskAction => a.kind === 'task' && a.route !== 'manager');
const ownerUpdates = (actions: PlannedAction[]) =>
  actions.filter(
    (a): a is TaskUpdateAction => a.kind === 'task-update' && !a.target.endsWith(':manager'),
  );

describe('one save task per account episode', () => {
  // Five churn triggers over ten days, then recovery.
  const steps: Partial<PlayInput>[] = [
    // day 0: a payment failed twice
    {
      now: day(0),
      account: account({ paymentFailures: 2, paymentFailedAt: day(0).toISOString() }),
      current: withScore(62),
    },
    // day 2: the score falls into at risk
    {
      now: day(2),
      account: account({ paymentFailures: 2, paymentFailedAt: day(0).toISOString() }),
      current: withScore(45),
      history: [point(day(2), 2, 62, 'monitor')],
    },
    // day 5: no contact for three weeks
    {
      now: day(5),
      account: account({
        paymentFailures: 2,
        paymentFailedAt: day(0).toISOString(),
        daysSinceContact: 22,
      }),
      current: withScore(44),
    },
    // day 8: a competitor came up
    {
      now: day(8),
      account: account({
        paymentFailures: 2,
        paymentFailedAt: day(0).toISOString(),
        daysSinceContact: 25,
        observed: { competitor_mentioned: day(8).toISOString() },
      }),
      current: withScore(42),
    },
    // day 10: critical
    {
      now: day(10),
      account: account({
        paymentFailures: 2,
        paymentFailedAt: day(0).toISOString(),
        daysSinceContact: 27,
        observed: { competitor_mentioned: day(8).toISOString() },
      }),
      current: withScore(20),
    },
    // day 45: recovered — paid, talked to, healthy, the competitor mention aged out
    {
      now: day(45),
      account: account({ observed: { competitor_mentioned: day(8).toISOString() } }),
      current: explain(),
    },
  ];
  const runs = episode(steps);

  it('creates the owner one task on the first trigger and updates it four times', () => {
    const created = runs.flatMap((r) => ownerTasks(r.actions));
    expect(created).toHaveLength(1);
    const updates = runs.slice(1, 5).flatMap((r) => ownerUpdates(r.actions));
    expect(updates).toHaveLength(4);
    for (const u of updates) {
      expect(u.target).toBe(created[0]!.key);
      expect(u.status).toBe('NOT_STARTED');
    }
  });

  it('never moves the due time later and raises the priority', () => {
    const dues = [
      ownerTasks(runs[0]!.actions)[0]!.dueAt,
      ...runs.slice(1, 5).map((r) => ownerUpdates(r.actions)[0]!.dueAt),
    ];
    // Each due time is no later than the one before, unless the earlier one had already passed.
    for (let i = 1; i < dues.length; i++) {
      const previousPassed =
        dues[i - 1]! < day(i === 1 ? 2 : i === 2 ? 5 : i === 3 ? 8 : 10).toISOString();
      if (!previousPassed) expect(dues[i]! <= dues[i - 1]!).toBe(true);
    }
    expect(ownerUpdates(runs[4]!.actions)[0]!.priority).toBe('HIGH');
  });

  it('lists every trigger with its date in the body', () => {
    const body = ownerUpdates(runs[4]!.actions)[0]!.body;
    expect(body).toContain('What happened (since 2025-03-12)');
    for (const date of ['2025-03-12', '2025-03-14', '2025-03-17', '2025-03-20', '2025-03-22'])
      expect(body).toContain(`- ${date}:`);
  });

  it('gives the manager one escalation copy for the episode', () => {
    const copies = runs.flatMap((r) =>
      r.actions.filter((a) => a.kind === 'task' && a.route === 'manager'),
    );
    expect(copies).toHaveLength(1);
  });

  it('completes the task on recovery, saying why', () => {
    const last = runs[5]!;
    const closes = ownerUpdates(last.actions);
    expect(closes).toHaveLength(1);
    expect(closes[0]).toMatchObject({ status: 'COMPLETED' });
    expect(closes[0]!.body).toMatch(
      /^Closed by Vitals on 2025-04-26: the account recovered \(score 100, healthy\)/,
    );
    expect(last.outcome.tracks.save).toBeUndefined();
  });

  it('keeps one episode from critical back to at risk', () => {
    const back = evaluatePlays(
      input({
        now: day(11),
        account: account({
          paymentFailures: 2,
          paymentFailedAt: day(0).toISOString(),
          daysSinceContact: 28,
        }),
        current: withScore(40),
        tracks: runs[4]!.outcome.tracks,
        previouslyActive: new Set(runs[4]!.outcome.active),
      }),
    );
    expect(back.tracks.save?.episode).toBe(runs[4]!.outcome.tracks.save?.episode);
    expect(back.actions.filter((a) => a.kind === 'task')).toEqual([]);
  });
});
