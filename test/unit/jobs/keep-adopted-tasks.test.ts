import { describe, expect, it } from 'vitest';
import { adoptionTrigger, keepAdoptedTasks } from '../../../src/jobs/keep-adopted-tasks.ts';
import type { PlayOutcome, TrackState } from '../../../src/plays/play-types.ts';
import { taskAction, taskUpdateAction, trackState } from '../store/planned-action.ts';

const AT = '2026-11-16T10:00:00.000Z';
const KEY = '101:save-playbook:2025-03-10';

const adopted: TrackState = trackState({
  triggers: [adoptionTrigger(AT, 'MEDIUM')],
  priority: 'MEDIUM',
  dueAt: '2026-11-10T17:00:00.000Z',
});

/** What the core makes of the adopted track when a rule holds: a rewrite, and a manager's copy. */
function rewritten(state: TrackState): PlayOutcome {
  const trigger = {
    ruleId: 'tier-critical',
    episode: AT,
    at: AT,
    why: 'critical',
    priority: 'HIGH' as const,
    dueAt: '2026-11-16T18:00:00.000Z',
  };
  return {
    actions: [
      taskUpdateAction({ target: KEY, suffix: 'update:tier-critical:x' }),
      taskAction({ ruleId: 'save-playbook', suffix: 'manager', route: 'manager' }),
    ],
    baselined: [],
    tracks: {
      save: {
        ...state,
        triggers: [...state.triggers, trigger],
        priority: 'HIGH',
        dueAt: trigger.dueAt,
        manager: true,
      },
    },
    readings: {},
    active: ['tier-critical'],
    verdicts: [],
  };
}

describe('the first evaluation of a track adopted from HubSpot', () => {
  it('records what holds as already so and leaves the task as it is', () => {
    const kept = keepAdoptedTasks(rewritten(adopted), { save: adopted }, '101');
    expect(kept.actions).toEqual([]);
    expect(kept.tracks.save).toMatchObject({
      priority: 'MEDIUM',
      dueAt: adopted.dueAt,
      manager: false,
    });
    expect(
      kept.tracks.save!.triggers.map((t) => [t.ruleId, t.episode, t.baseline, t.dueAt]),
    ).toEqual([
      ['found-in-hubspot', 'seen', true, undefined],
      ['tier-critical', AT, true, undefined],
    ]);
  });

  it('lets later evaluations rewrite the task as usual', () => {
    const seen = keepAdoptedTasks(rewritten(adopted), { save: adopted }, '101').tracks.save!;
    const later = rewritten(seen);
    expect(keepAdoptedTasks(later, { save: seen }, '101').actions).toEqual(later.actions);
  });

  it('still completes the task when the episode ended', () => {
    const close = taskUpdateAction({ target: KEY, suffix: 'close', status: 'COMPLETED' });
    const ended: PlayOutcome = { ...rewritten(adopted), actions: [close], tracks: {} };
    expect(keepAdoptedTasks(ended, { save: adopted }, '101').actions).toEqual([close]);
  });
});
