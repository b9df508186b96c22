import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { createTaskEntries } from './create-task-entries.ts';
import { takeDailySlot } from './daily-slot.ts';
import { enrollEntry } from './enroll-entry.ts';
import { updateTasks } from './update-tasks.ts';

/** Intents a crash left behind: whatever HubSpot already has is recorded, the rest is done now. */
export async function reconcileUnfinished(ctx: PlaysContext): Promise<number> {
  const unfinished = await ctx.store.unfinishedActions(ctx.portal);
  if (unfinished.length === 0) return 0;
  const tasks = unfinished.filter((e) => e.kind === 'task');
  const found = await ctx.gateway.findTasksByMarker(tasks.map((e) => e.marker));
  const missing: LedgerEntry[] = [];
  for (const entry of tasks) {
    const id = found.get(entry.marker);
    if (id === undefined) missing.push(entry);
    else await ctx.store.completeAction(ctx.portal, entry.key, id);
  }
  // Already past the cap check when they were planned: created without another.
  for (const entry of missing) await takeDailySlot(ctx, entry.ownerId, true);
  await createTaskEntries(ctx, missing);
  // An update is the same write however often it is sent.
  await updateTasks(
    ctx,
    unfinished.filter((e) => e.kind === 'task-update'),
  );
  for (const entry of unfinished) if (entry.kind === 'enroll') await enrollEntry(ctx, entry, true);
  return unfinished.length;
}
