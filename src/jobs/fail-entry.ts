import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { playsEffect } from './plays-effect.ts';

/** Settles an intent as failed (HubSpot refused it) and reports it with the error. */
export async function failEntry(
  ctx: PlaysContext,
  entry: LedgerEntry,
  error: string,
): Promise<void> {
  await ctx.store.failAction(ctx.portal, entry.key, error);
  ctx.tally.failed.push({ ...playsEffect(entry), error });
}
