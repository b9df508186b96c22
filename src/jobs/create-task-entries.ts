import type { TaskAction } from '../plays/play-types.ts';
import { failEntry } from './fail-entry.ts';
import { playsEffect } from './plays-effect.ts';
import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { taskInput } from './task-input.ts';

/** Creates the recorded tasks in HubSpot (batches of 100) and settles each in the ledger. */
export async function createTaskEntries(
  ctx: PlaysContext,
  entries: readonly LedgerEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const byMarker = new Map(entries.map((e) => [e.marker, e]));
  // A throw here (5xx, network) leaves the intents: the next run finds them by marker.
  const result = await ctx.gateway.createTasks(
    entries.map((e) => taskInput(e.action as TaskAction, e.marker)),
  );
  for (const task of result.created) {
    const entry = (task.traceId && byKey.get(task.traceId)) || markedIn(task.body, byMarker);
    if (!entry || !byKey.has(entry.key)) continue;
    byKey.delete(entry.key);
    await ctx.store.completeAction(ctx.portal, entry.key, task.id);
    ctx.tally.tasksCreated.push(playsEffect(entry));
  }
  // HubSpot's 207 errors do not say which input failed: what was not created failed.
  const why = result.errors.map((e) => e.message).join(' ') || 'HubSpot did not create it.';
  for (const entry of byKey.values()) await failEntry(ctx, entry, why);
}

function markedIn(
  body: string | null,
  byMarker: ReadonlyMap<string, LedgerEntry>,
): LedgerEntry | undefined {
  const marker = body?.match(/Ref: (vt[0-9a-f]+)/)?.[1];
  return marker === undefined ? undefined : byMarker.get(marker);
}
