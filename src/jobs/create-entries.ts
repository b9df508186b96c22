import { chunk } from '../hubspot/chunk.ts';
import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { callFailure, refusalWords } from './call-failure.ts';
import { failEntry } from './fail-entry.ts';
import { uncertainEntry } from './uncertain-entry.ts';

// Batch create takes at most 100 inputs: https://developers.hubspot.com/docs/api/crm/tasks
const BATCH_SIZE = 100;

/** What a batch create answers: the records made (with what was written to tell them apart). */
export interface BatchCreated {
  created: { id: string; traceId: string | undefined; body: string | null }[];
  errors: { category: string; message: string }[];
}

/**
 * Creates recorded entries in HubSpot, 100 a call, and settles each in the ledger. A batch
 * HubSpot refuses (one bad input fails them all) is halved until the bad inputs stand alone:
 * those fail with HubSpot's words, the rest are created. A batch that gets no clear answer (a
 * 5xx) is marked uncertain and looked for later; the run goes on.
 */
export async function createEntries(
  ctx: PlaysContext,
  entries: readonly LedgerEntry[],
  send: (batch: readonly LedgerEntry[]) => Promise<BatchCreated>,
  made: (entry: LedgerEntry) => void,
): Promise<void> {
  for (const batch of chunk(entries, BATCH_SIZE)) await createBatch(ctx, batch, send, made);
}

async function createBatch(
  ctx: PlaysContext,
  batch: readonly LedgerEntry[],
  send: (batch: readonly LedgerEntry[]) => Promise<BatchCreated>,
  made: (entry: LedgerEntry) => void,
): Promise<void> {
  if (batch.length === 0) return;
  let result: BatchCreated;
  try {
    result = await send(batch);
  } catch (error) {
    const failure = callFailure(error);
    if (failure === null) throw error;
    if (failure === 'unknown') {
      for (const entry of batch) await uncertainEntry(ctx, entry, error);
    } else if (batch.length === 1) {
      await failEntry(ctx, batch[0]!, refusalWords(error));
    } else {
      // HubSpot's 400 does not always say which input it is about: halving finds it.
      const half = Math.ceil(batch.length / 2);
      await createBatch(ctx, batch.slice(0, half), send, made);
      await createBatch(ctx, batch.slice(half), send, made);
    }
    return;
  }
  await settleCreated(ctx, batch, result, made);
}

async function settleCreated(
  ctx: PlaysContext,
  batch: readonly LedgerEntry[],
  result: BatchCreated,
  made: (entry: LedgerEntry) => void,
): Promise<void> {
  const byKey = new Map(batch.map((e) => [e.key, e]));
  const byMarker = new Map(batch.map((e) => [e.marker, e]));
  for (const record of result.created) {
    const entry = (record.traceId && byKey.get(record.traceId)) || markedIn(record.body, byMarker);
    if (!entry || !byKey.has(entry.key)) continue;
    byKey.delete(entry.key);
    await ctx.store.completeAction(ctx.portal, entry.key, record.id);
    made(entry);
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
