import type { PlaysContext } from './apply-plays.ts';
import { settleUnfinished } from './settle-unfinished.ts';

/**
 * What earlier runs left unsettled (a crash's intents, actions HubSpot gave no clear answer to):
 * whatever HubSpot already has is recorded, the rest is done now. Answers how many there were.
 */
export async function reconcileUnfinished(ctx: PlaysContext): Promise<number> {
  const unfinished = await ctx.store.unfinishedActions(ctx.portal);
  await settleUnfinished(ctx, unfinished);
  return unfinished.length;
}
