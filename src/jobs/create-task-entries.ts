import type { TaskAction } from '../plays/play-types.ts';
import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { createEntries } from './create-entries.ts';
import { playsEffect } from './plays-effect.ts';
import { taskInput } from './task-input.ts';

/** Creates the recorded tasks in HubSpot and settles each in the ledger (see createEntries). */
export async function createTaskEntries(
  ctx: PlaysContext,
  entries: readonly LedgerEntry[],
): Promise<void> {
  await createEntries(
    ctx,
    entries,
    (batch) =>
      ctx.gateway.createTasks(batch.map((e) => taskInput(e.action as TaskAction, e.marker))),
    (entry) => ctx.tally.tasksCreated.push(playsEffect(entry)),
  );
}
