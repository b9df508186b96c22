import type { PlaysContext } from './apply-plays.ts';
import { applyPlays } from './apply-plays.ts';
import { heldForRelease, LAPSED_REASON } from './held-for-release.ts';
import { skipEntry } from './skip-entry.ts';

/**
 * Held-back tasks from an earlier day get their turn, still within today's caps; one whose
 * condition stopped holding while it waited is dropped.
 */
export async function releaseHeld(ctx: PlaysContext): Promise<void> {
  const { release, lapsed } = await heldForRelease(ctx);
  if (release.length + lapsed.length === 0) return;
  const recorded = await ctx.store.recordIntents(
    ctx.portal,
    [...release, ...lapsed].map((e) => e.action),
  );
  const gone = new Set(lapsed.map((e) => e.key));
  for (const r of recorded)
    if (r.outcome !== 'existing' && gone.has(r.entry.key))
      await skipEntry(ctx, r.entry, LAPSED_REASON);
  await applyPlays(
    ctx,
    recorded.filter((r) => !gone.has(r.entry.key)),
  );
}
