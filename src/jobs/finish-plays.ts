import type { PassResults } from './pass-over-companies.ts';
import { settleUnfinished } from './settle-unfinished.ts';

/**
 * After the pass: the creates and enrolments HubSpot gave no clear answer to during this run are
 * looked for (once its search has caught up) and made again where missing, with the task updates
 * that waited for them. Answers how many actions are still uncertain, for the next run to settle.
 */
export async function finishPlays(results: PassResults): Promise<number> {
  const ctx = results.playsCtx;
  if (!ctx || results.preview) return 0;
  const mine = new Set(ctx.tally.uncertain.map((e) => e.key));
  const unfinished = await ctx.store.unfinishedActions(ctx.portal);
  // Only this run's: another process's intents may be on their way to HubSpot right now (an
  // update alone is safe to send twice).
  await settleUnfinished(
    ctx,
    unfinished.filter((e) => mine.has(e.key) || e.kind === 'task-update'),
  );
  const left = await ctx.store.unfinishedActions(ctx.portal);
  return left.filter((e) => e.status === 'uncertain').length;
}
