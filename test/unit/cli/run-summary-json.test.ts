import { describe, expect, it } from 'vitest';
import { emptyPlaysTally } from '../../../src/jobs/apply-plays.ts';
import { createPortfolioTally } from '../../../src/jobs/portfolio-tally.ts';
import type { RescoreSummary } from '../../../src/jobs/run-rescore.ts';
import { runSummaryJson } from '../../../src/cli/run-summary-json.ts';
import { taskAction, taskUpdateAction } from '../../unit/store/planned-action.ts';

function summary(overrides: Partial<RescoreSummary>): RescoreSummary {
  return {
    runId: 'r1',
    resumed: false,
    source: 'sandbox',
    dryRun: false,
    companies: 3,
    scored: 3,
    unchanged: 0,
    updated: 3,
    failedUpdates: [],
    apiCalls: {},
    durationMs: 10,
    portfolio: createPortfolioTally(),
    plays: emptyPlaysTally(),
    planned: [],
    names: new Map(),
    baseline: null,
    ...overrides,
  };
}

const effect = (n: number) => ({ companyId: String(n), ruleId: 'save-playbook', key: `k${n}` });

describe('vitals run --json', () => {
  it('counts task updates and completions, and says why and until when each task is held back', () => {
    const plays = emptyPlaysTally();
    plays.tasksCreated.push(effect(1));
    plays.tasksUpdated.push(effect(2), effect(3));
    plays.tasksCompleted.push(effect(4));
    const reason =
      'Owner 7 already has 2 new tasks today (plays.dailyTaskCapPerOwner); released tomorrow.';
    plays.heldBack.push({
      ...effect(5),
      ownerId: '7',
      reason,
      releaseAt: '2026-11-17T00:00:00.000Z',
    });
    const json = JSON.parse(runSummaryJson(summary({ plays })));
    expect(json).toMatchObject({ tasksCreated: 1, tasksUpdated: 2, tasksCompleted: 1 });
    expect(json.heldBack).toEqual([
      {
        companyId: '5',
        ruleId: 'save-playbook',
        ownerId: '7',
        reason,
        releaseAt: '2026-11-17T00:00:00.000Z',
      },
    ]);
    expect(json.plan).toBeUndefined();
  });

  it("lists a dry run's plan with the tasks it would hold back and the updates it would send", () => {
    const held = { ...taskAction({ companyId: '5', ruleId: 'save-playbook' }), heldBack: true };
    const close = { ...taskUpdateAction({ status: 'COMPLETED' }), heldBack: false };
    const json = JSON.parse(runSummaryJson(summary({ dryRun: true, planned: [held, close] })));
    expect(json.plan).toEqual([
      expect.objectContaining({ kind: 'task', companyId: '5', heldBack: true }),
      expect.objectContaining({ kind: 'task-update', status: 'COMPLETED', subject: close.subject }),
    ]);
  });
});
