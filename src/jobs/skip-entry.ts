import type { LedgerEntry } from '../store/store.ts';
import { playsEffect } from './plays-effect.ts';
import type { PlaysContext } from './apply-plays.ts';

/** Settles an intent as skipped and reports it with the reason. */
export async function skipEntry(
  ctx: PlaysContext,
  entry: LedgerEntry,
  reason: string,
): Promise<void> {
  await ctx.store.skipAction(ctx.portal, entry.key, reason);
  ctx.tally.skipped.push({ ...playsEffect(entry), reason });
}
