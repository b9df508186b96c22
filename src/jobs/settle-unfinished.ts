import { setTimeout as delay } from 'node:timers/promises';
import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { createNoteEntries } from './create-note-entries.ts';
import { createTaskEntries } from './create-task-entries.ts';
import { takeDailySlot } from './daily-slot.ts';
import { enrollEntry } from './enroll-entry.ts';
import { playsEffect } from './plays-effect.ts';
import { updateTasks } from './update-tasks.ts';

/**
 * Settles actions HubSpot may or may not have taken (a crash's intents, uncertain ones): a task
 * found by its marker, or the contact's current enrolment, is recorded as done; the rest are
 * sent again. Never before HubSpot's search has caught up with the last try.
 */
export async function settleUnfinished(
  ctx: PlaysContext,
  entries: readonly LedgerEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await waitForSearch(ctx, entries);
  const tasks = entries.filter((e) => e.kind === 'task');
  const found = await ctx.gateway.findTasksByMarker(tasks.map((e) => e.marker));
  const missing: LedgerEntry[] = [];
  for (const entry of tasks) {
    const id = found.get(entry.marker);
    if (id === undefined) {
      missing.push(entry);
      continue;
    }
    await ctx.store.completeAction(ctx.portal, entry.key, id);
    if (ctx.tally.uncertain.some((e) => e.key === entry.key))
      ctx.tally.tasksCreated.push(playsEffect(entry));
  }
  // Already past the cap check when they were planned: created without another.
  for (const entry of missing) await takeDailySlot(ctx, entry.ownerId, true);
  await createTaskEntries(ctx, missing);
  await settleNotes(
    ctx,
    entries.filter((e) => e.kind === 'note'),
  );
  // An update is the same write however often it is sent.
  await updateTasks(
    ctx,
    entries.filter((e) => e.kind === 'task-update'),
  );
  for (const entry of entries)
    if (entry.kind === 'enroll') await enrollEntry(ctx, entry, 'recover');
}

/** A note found by its marker is done; one not found is written (again). */
async function settleNotes(ctx: PlaysContext, notes: readonly LedgerEntry[]): Promise<void> {
  if (notes.length === 0) return;
  const found = await ctx.gateway.findNotesByMarker(notes.map((e) => e.marker));
  const missing: LedgerEntry[] = [];
  for (const entry of notes) {
    const id = found.get(entry.marker);
    if (id === undefined) {
      missing.push(entry);
      continue;
    }
    await ctx.store.completeAction(ctx.portal, entry.key, id);
    if (ctx.tally.uncertain.some((e) => e.key === entry.key))
      ctx.tally.notesWritten.push(playsEffect(entry));
  }
  await createNoteEntries(ctx, missing);
}

/**
 * HubSpot's search shows a new task only seconds after it was made: until the last try is older
 * than plays.settleAfterSeconds, "not found" could mean "not indexed yet", so wait it out.
 */
async function waitForSearch(ctx: PlaysContext, entries: readonly LedgerEntry[]): Promise<void> {
  const lagMs = ctx.settleAfterMs ?? 0;
  const looked = entries.filter((e) => e.kind !== 'task-update' && e.kind !== 'property');
  if (lagMs <= 0 || looked.length === 0) return;
  const lastTry = Math.max(...looked.map((e) => Date.parse(e.updatedAt)));
  const age = (ctx.clock?.() ?? new Date()).getTime() - lastTry;
  const wait = Math.min(lagMs, lagMs - age);
  if (wait > 0) await (ctx.sleep ?? delay)(wait);
}
