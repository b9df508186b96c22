import type { PlanStep } from '../jobs/plays-preview.ts';
import type { RescoreSummary } from '../jobs/run-rescore.ts';

/**
 * `vitals run --json`: the run's counts, its API cost, and what its plays did to people. A dry
 * run adds its plan and lists what it would hold back and skip.
 */
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
    tasksUpdated: plays.tasksUpdated.length,
    tasksCompleted: plays.tasksCompleted.length,
    enrolled: plays.enrolled.length,
    notesWritten: plays.notesWritten.length,
    skipped: plays.skipped.map(({ companyId, ruleId, reason }) => ({ companyId, ruleId, reason })),
    heldBack: plays.heldBack.map(({ companyId, ruleId, ownerId, reason, releaseAt }) => ({
      companyId,
      ruleId,
      ownerId,
      reason,
      releaseAt,
    })),
    waiting: plays.waiting.map(({ companyId, ruleId, reason }) => ({ companyId, ruleId, reason })),
    failedActions: plays.failed.map(({ companyId, ruleId, error }) => ({
      companyId,
      ruleId,
      error,
    })),
    adopted: summary.adopted ?? null,
    uncertain: plays.uncertain.length,
    unsettled: summary.unsettled ?? 0,
    notices: summary.notices ?? [],
    ...(summary.dryRun ? { plan: summary.planned.map(planEntry) } : {}),
  });
}

function planEntry(step: PlanStep) {
  const base = { companyId: step.companyId, ruleId: step.ruleId, kind: step.kind };
  switch (step.kind) {
    case 'task':
      return {
        ...base,
        ownerId: step.ownerId,
        subject: step.subject,
        dueAt: step.dueAt,
        priority: step.priority,
        heldBack: step.heldBack,
      };
    case 'task-update':
      return {
        ...base,
        status: step.status,
        subject: step.subject,
        dueAt: step.dueAt,
        priority: step.priority,
      };
    case 'enroll':
      return { ...base, sequence: step.sequence, contactId: step.contactId, skip: step.skip };
    case 'property':
      return { ...base, property: step.property, value: step.value };
  }
}
