import type { NoteAction } from '../plays/play-types.ts';
import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { createEntries } from './create-entries.ts';
import { noteInput } from './note-input.ts';
import { playsEffect } from './plays-effect.ts';

/** Writes the recorded notes in HubSpot and settles each in the ledger (see createEntries). */
export async function createNoteEntries(
  ctx: PlaysContext,
  entries: readonly LedgerEntry[],
): Promise<void> {
  const now = ctx.clock?.() ?? ctx.now;
  await createEntries(
    ctx,
    entries,
    (batch) =>
      ctx.gateway.createNotes(batch.map((e) => noteInput(e.action as NoteAction, e.marker, now))),
    (entry) => ctx.tally.notesWritten.push(playsEffect(entry)),
  );
}
