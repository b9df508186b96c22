import type { PlannedAction } from '../plays/play-types.ts';
import { applyPlays, recordBaseline, type PlaysContext } from './apply-plays.ts';
import type { ChunkPlan } from './plan-plays.ts';

/**
 * A plan carried out as every run and rescore does: enrolments nobody configured reported,
 * intents and crossings committed in one transaction before any HubSpot call (so a rerun never
 * repeats one), then the calls within the caps, then the baseline's findings recorded.
 * Answers what the baseline recorded.
 */
export async function carryOutPlan(ctx: PlaysContext, plan: ChunkPlan): Promise<PlannedAction[]> {
  for (const u of plan.unconfigured)
    ctx.tally.skipped.push({
      companyId: u.companyId,
      ruleId: u.ruleId,
      key: u.key,
      reason: u.reason,
    });
  const recorded = await ctx.store.commitPlays({
    portal: ctx.portal,
    intents: plan.actions,
    active: plan.active,
    ...(ctx.lease ? { lease: ctx.lease } : {}),
  });
  await applyPlays(ctx, recorded);
  return recordBaseline(ctx, plan.baselined);
}
