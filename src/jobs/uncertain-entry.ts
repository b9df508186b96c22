import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { playsEffect } from './plays-effect.ts';

/**
 * Marks an action HubSpot gave no clear answer to as uncertain, to be looked for in HubSpot once
 * its search has caught up (settleUncertain), and reports it.
 */
export async function uncertainEntry(
  ctx: PlaysContext,
  entry: LedgerEntry,
  error: unknown,
): Promise<void> {
  const why = error instanceof Error ? error.message : String(error);
  await ctx.store.markUncertain(ctx.portal, entry.key, why);
  if (!ctx.tally.uncertain.some((e) => e.key === entry.key))
    ctx.tally.uncertain.push(playsEffect(entry));
}
