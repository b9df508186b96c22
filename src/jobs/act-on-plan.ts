import { carryOutPlan } from './carry-out-plan.ts';
import type { ChunkPlan } from './plan-plays.ts';
import type { Pass } from './pass-over-companies.ts';
import type { ScoredCompany } from './score-chunk.ts';
import type { PlannedAction } from '../plays/play-types.ts';

/**
 * A chunk's plays: a real run records the intents and crossings, then acts within the caps; a dry
 * run works out the same steps without writing (see playsPreview).
 */
export async function actOnPlan(
  pass: Pass,
  plan: ChunkPlan,
  scored: readonly ScoredCompany[],
): Promise<void> {
  const ctx = pass.playsCtx!;
  pass.lifecycleQueue.push(...plan.lifecycle);
  if (pass.preview) {
    for (const u of plan.unconfigured)
      ctx.tally.skipped.push({
        companyId: u.companyId,
        ruleId: u.ruleId,
        key: u.key,
        reason: u.reason,
      });
    const { steps, baselined } = await pass.preview.chunk(plan.actions, plan.baselined);
    pass.planned.push(...steps);
    countBaselined(pass, plan, baselined);
    // Released tasks join the plan at the start: their companies get named when scored.
    const inPlan = new Set([...pass.planned, ...plan.lifecycle].map((s) => s.companyId));
    for (const c of scored) if (inPlan.has(c.id)) pass.names.set(c.id, c.name ?? c.id);
    return;
  }
  countBaselined(pass, plan, await carryOutPlan(ctx, plan));
}

function countBaselined(pass: Pass, plan: ChunkPlan, actions: readonly PlannedAction[]): void {
  if (!pass.baselined) return;
  for (const outcome of plan.outcomes.values())
    for (const track of Object.values(outcome.tracks))
      if (!track.task && track.triggers.some((t) => t.baseline)) pass.baselined.tracks += 1;
  for (const a of actions) {
    if (a.kind === 'task') pass.baselined.tasks += 1;
    if (a.kind === 'enroll') pass.baselined.enrolments += 1;
  }
}
