import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type { PlayOutcome, TaskAction } from '../../../src/plays/play-types.ts';
import { atDayEdge, facts, madeBy, plus, scenarioInput, type Scenario } from './lifecycle-input.ts';

const ZONE = 'Europe/Berlin';
const LAST = '2025-03-03';

/** Day `days` after the last touch of an enterprise account, with these tasks open. */
function evaluation(
  days: number,
  open: readonly TaskAction[],
  over: Partial<Scenario> = {},
): PlayOutcome {
  const input = scenarioInput({
    zone: ZONE,
    start: '2024-01-01',
    today: plus(LAST, days),
    lifecycle: facts({ lastTouchAt: atDayEdge(LAST, ZONE) }),
    ...over,
  });
  return evaluatePlays({ ...input, lifecycleTasks: open });
}

const closes = (o: PlayOutcome) =>
  o.actions.filter((a) => a.kind === 'task-update' && a.track === 'lifecycle');

describe('lifecycle tasks end by themselves', () => {
  const checkIn = madeBy(evaluation(14, []), 'cadence-check-in')[0] as TaskAction;

  it('leaves the check-in open while nobody has logged a touch', () => {
    expect(checkIn.episode).toBe(plus(LAST, 14));
    expect(closes(evaluation(16, [checkIn]))).toEqual([]);
  });

  it('completes the check-in once a touch is logged, saying why', () => {
    const touched = plus(LAST, 15);
    const after = evaluation(16, [checkIn], {
      lifecycle: facts({ lastTouchAt: atDayEdge(touched, ZONE) }),
    });
    expect(closes(after)).toEqual([
      {
        kind: 'task-update',
        track: 'lifecycle',
        ruleId: 'cadence-check-in',
        episode: checkIn.episode,
        key: `${checkIn.key}:close`,
        companyId: checkIn.companyId,
        target: checkIn.key,
        subject: checkIn.subject,
        body: `Closed by Vitals on ${plus(LAST, 16)}: its moment has passed (last touch on ${touched}; the next is due on ${plus(touched, 14)}).\n\n${checkIn.body}`,
        priority: checkIn.priority,
        dueAt: checkIn.dueAt,
        status: 'COMPLETED',
      },
    ]);
  });

  it('closes nothing on facts this evaluation did not read', () => {
    expect(closes(evaluation(16, [checkIn], { lifecycle: 'not read' }))).toEqual([]);
    const qbr = {
      ...checkIn,
      ruleId: 'qbr-prep',
      key: 'c1:qbr-prep:2025-03-20',
      episode: '2025-03-20',
    };
    // The meetings were not looked up (a webhook's rescore): the QBR task stays.
    expect(closes(evaluation(16, [qbr]))).toEqual([]);
  });

  it('completes every open lifecycle task of an account that churned', () => {
    const churned = evaluation(16, [checkIn], {
      account: { churnedAt: atDayEdge(plus(LAST, 15), ZONE) },
    });
    expect(closes(churned).map((u) => u.kind === 'task-update' && u.body.split('\n')[0])).toEqual([
      `Closed by Vitals on ${plus(LAST, 16)}: its moment has passed (the account has churned).`,
    ]);
  });
});
