import { describe, expect, it } from 'vitest';
import { lifecycleTurns } from '../../../src/jobs/lifecycle-turns.ts';
import type { TaskAction } from '../../../src/plays/play-types.ts';

const task = (id: string, over: Partial<TaskAction> = {}): TaskAction => ({
  kind: 'task',
  track: 'lifecycle',
  ruleId: 'cadence-check-in',
  episode: '2026-12-01',
  key: `${id}:cadence-check-in:2026-12-01`,
  companyId: id,
  ownerId: 'o1',
  route: 'owner',
  priority: 'LOW',
  type: 'TODO',
  subject: 'Check in',
  body: '',
  dueAt: '2026-12-08T16:00:00.000Z',
  contactIds: [],
  ...over,
});

const keys = (tasks: readonly { companyId: string }[]) => tasks.map((t) => t.companyId);

describe("the portal's daily budget for lifecycle tasks", () => {
  it('fills what the day has left of 5 % of the accounts, most urgent first, then earliest due', () => {
    const queue = [
      task('a'),
      task('b', { priority: 'HIGH' }),
      task('c', { dueAt: '2026-12-07T16:00:00.000Z' }),
      task('d', { priority: 'MEDIUM' }),
    ];
    const turns = lifecycleTurns(queue, { accounts: 300, createdToday: 12, percent: 5 });
    expect(keys(turns.take)).toEqual(['b', 'd', 'c']);
    expect(turns.wait).toEqual([
      {
        companyId: 'a',
        ruleId: 'cadence-check-in',
        key: 'a:cadence-check-in:2026-12-01',
        reason:
          "waits for a quieter day: 12 new Vitals tasks today already fill this portal's day " +
          '(plays.lifecycle.dailyTaskBudgetPercent: 5 % of 300 accounts, 15 a day)',
      },
    ]);
  });

  it('takes none once the alarms alone fill or overfill the day', () => {
    expect(
      lifecycleTurns([task('a')], { accounts: 300, createdToday: 15, percent: 5 }).take,
    ).toEqual([]);
    expect(
      lifecycleTurns([task('a')], { accounts: 300, createdToday: 40, percent: 5 }).take,
    ).toEqual([]);
  });

  it('gives a small portal one a day rather than none', () => {
    const turns = lifecycleTurns([task('a'), task('b')], {
      accounts: 12,
      createdToday: 0,
      percent: 5,
    });
    expect(keys(turns.take)).toEqual(['a']);
    expect(keys(turns.wait)).toEqual(['b']);
  });

  it('rounds the budget down, and follows the configured share', () => {
    const queue = Array.from({ length: 40 }, (_, i) => task(`c${String(i).padStart(2, '0')}`));
    expect(lifecycleTurns(queue, { accounts: 299, createdToday: 0, percent: 5 }).take).toHaveLength(
      14,
    );
    expect(
      lifecycleTurns(queue, { accounts: 300, createdToday: 0, percent: 10 }).take,
    ).toHaveLength(30);
  });
});
