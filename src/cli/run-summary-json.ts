import type { RescoreSummary } from '../jobs/run-rescore.ts';
import type { PlannedAction } from '../plays/play-types.ts';

/** `vitals run --json`: the run's counts, its API cost, and what its plays did to people. */
export function runSummaryJson(summary: RescoreSummary): string {
  const { plays } = summary;
  return JSON.stringify({
    companies: summary.companies,
    scored: summary.scored,
    unchanged: summary.unchanged,
    updated: summary.updated,
    apiCalls: summary.apiCalls,
    durationMs: summary.durationMs,
    source: summary.source,
    dryRun: summary.dryRun,
    resumed: summary.resumed,
    failedUpdates: summary.failedUpdates,
    tasksCreated: plays.tasksCreated.length,
    enrolled: plays.enrolled.length,
    skipped: plays.skipped.map(({ companyId, ruleId, reason }) => ({ companyId, ruleId, reason })),
    heldBack: plays.heldBack.map(({ companyId, ruleId, ownerId }) => ({
      companyId,
      ruleId,
      ownerId,
    })),
    failedActions: plays.failed.map(({ companyId, ruleId, error }) => ({
      companyId,
      ruleId,
      error,
    })),
    ...(summary.dryRun ? { plan: summary.planned.map(planEntry) } : {}),
  });
}

function planEntry(action: PlannedAction) {
  const base = { companyId: action.companyId, ruleId: action.ruleId, kind: action.kind };
  switch (action.kind) {
    case 'task':
      return {
        ...base,
        ownerId: action.ownerId,
        subject: action.subject,
        dueAt: action.dueAt,
        priority: action.priority,
      };
    case 'enroll':
      return { ...base, sequence: action.sequence, contactId: action.contactId, skip: action.skip };
    case 'property':
      return { ...base, property: action.property, value: action.value };
  }
}
