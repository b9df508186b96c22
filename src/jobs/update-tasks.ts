import type { TaskUpdateAction } from '../plays/play-types.ts';
import type { UpdateTasksResult } from '../hubspot/update-tasks.ts';
import { callFailure } from './call-failure.ts';
import { failEntry } from './fail-entry.ts';
import { playsEffect } from './plays-effect.ts';
import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { skipEntry } from './skip-entry.ts';
import { taskUpdateInput } from './task-input.ts';
import { uncertainEntry } from './uncertain-entry.ts';
import { updateFate } from './update-fate.ts';

interface Send {
  entry: LedgerEntry;
  taskId: string;
  marker: string;
}

/**
 * Rewrites (or completes) the tasks the updates target. A target still held by a daily cap is
 * revised in the ledger instead, or dropped when its episode ended; a target never created makes
 * the update moot.
 */
export async function updateTasks(
  ctx: PlaysContext,
  entries: readonly LedgerEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const sends: Send[] = [];
  for (const entry of entries) {
    const action = entry.action as TaskUpdateAction;
    const target = (await ctx.store.ledgerForCompany(ctx.portal, entry.companyId)).find(
      (e) => e.key === action.target,
    );
    const fate = updateFate(action, target);
    if (fate.kind === 'send') {
      // A done task always has its HubSpot id (the store refuses `done` without one).
      sends.push({ entry, taskId: target!.hubspotId!, marker: target!.marker });
    } else if (fate.kind === 'drop') {
      // Only an intent settles: recording the held task again makes it one (as a dismissal does).
      await ctx.store.recordIntents(ctx.portal, [target!.action]);
      await skipEntry(ctx, target!, fate.targetReason);
      await skipEntry(ctx, entry, fate.reason);
    } else if (fate.kind === 'fold') {
      await ctx.store.reviseHeldAction(ctx.portal, target!.key, fate.revised);
      await skipEntry(ctx, entry, fate.reason);
    } else if (fate.kind === 'moot') {
      await skipEntry(ctx, entry, fate.reason);
    }
  }
  await send(ctx, sends);
}

async function send(ctx: PlaysContext, sends: readonly Send[]): Promise<void> {
  if (sends.length === 0) return;
  let result: UpdateTasksResult;
  try {
    result = await ctx.gateway.updateTasks(
      sends.map((s) => taskUpdateInput(s.entry.action as TaskUpdateAction, s.taskId, s.marker)),
    );
  } catch (error) {
    // An outage past the gateway's retries: the same write goes again when the run settles.
    if (callFailure(error) !== 'unknown') throw error;
    for (const { entry } of sends) await uncertainEntry(ctx, entry, error);
    return;
  }
  const updated = new Set(result.updated.map((u) => u.id));
  for (const { entry, taskId } of sends) {
    if (updated.has(taskId)) {
      await ctx.store.completeAction(ctx.portal, entry.key, taskId);
      const done = (entry.action as TaskUpdateAction).status === 'COMPLETED';
      (done ? ctx.tally.tasksCompleted : ctx.tally.tasksUpdated).push(playsEffect(entry));
      continue;
    }
    const error =
      result.errors.find((e) => e.id === taskId) ?? result.errors.find((e) => e.id === null);
    const why = error?.message ?? 'HubSpot did not update it.';
    await failEntry(ctx, entry, why);
  }
}
