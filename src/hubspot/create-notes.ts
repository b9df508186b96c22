import { z } from 'zod';
import { standardErrorSchema } from './batch-item-errors.ts';
import { chunk } from './chunk.ts';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';

export interface NoteInput {
  /** hs_timestamp (when it happened, ISO or ms) is required; hs_note_body, hubspot_owner_id. */
  properties: Record<string, string>;
  /** The records it is on, by HUBSPOT_DEFINED type id (190 note→company). */
  associations: readonly { id: string; typeId: number }[];
  /** Echoed back on the created note, so a caller can tell which input became which note. */
  traceId: string;
}

export interface CreatedNote {
  id: string;
  traceId: string | undefined;
  /** hs_note_body as created: a caller can match on what it wrote there, as HubSpot does not
   * promise results in input order. */
  body: string | null;
}

export interface NoteError {
  /** The input's traceId when the error names it; HubSpot's 207 errors often name none. */
  traceId: string | undefined;
  category: string;
  message: string;
}

export interface CreateNotesResult {
  created: CreatedNote[];
  errors: NoteError[];
}

// Batch create takes at most 100 inputs and answers 207 when some fail; a note's body holds at
// most 65,536 characters: https://developers.hubspot.com/docs/api/crm/notes
const BATCH_SIZE = 100;
export const MAX_NOTE_BODY = 65_536;
const ENDPOINT = 'notes.batchCreate';

type BatchInput = Parameters<GatewayContext['sdk']['notesBatch']['create']>[0];
type Association = NonNullable<BatchInput['inputs'][number]['associations']>[number];
const HUBSPOT_DEFINED = 'HUBSPOT_DEFINED' as Association['types'][number]['associationCategory'];

const batchSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      objectWriteTraceId: z.string().optional(),
      properties: z.record(z.string(), z.string().nullable()).optional(),
    }),
  ),
  errors: z.array(standardErrorSchema).optional(),
});

/**
 * Creates notes, 100 per call. A note HubSpot would refuse for certain (no hs_timestamp, a body
 * over 65,536 characters) is not sent: it comes back in `errors` at once, with the rest of the
 * batch created. Never resent after a 5xx: the notes may exist already.
 */
export async function createNotes(
  ctx: GatewayContext,
  notes: readonly NoteInput[],
): Promise<CreateNotesResult> {
  const result: CreateNotesResult = { created: [], errors: [] };
  const sendable: NoteInput[] = [];
  for (const note of notes) {
    const refusal = refusalOf(note);
    if (refusal === undefined) sendable.push(note);
    else
      result.errors.push({ traceId: note.traceId, category: 'VALIDATION_ERROR', message: refusal });
  }
  for (const batch of chunk(sendable, BATCH_SIZE)) {
    const inputs = batch.map((note) => ({
      properties: note.properties,
      associations: note.associations.map(toAssociation),
      objectWriteTraceId: note.traceId,
    }));
    const data = await ctx.call(
      ENDPOINT,
      async () => parseResponse(batchSchema, await ctx.sdk.notesBatch.create({ inputs }), ENDPOINT),
      { idempotent: false },
    );
    result.created.push(
      ...data.results.map((r) => ({
        id: r.id,
        traceId: r.objectWriteTraceId,
        body: r.properties?.hs_note_body ?? null,
      })),
    );
    const traceIds = batch.map((note) => note.traceId);
    result.errors.push(
      ...(data.errors ?? []).map((e) => ({
        traceId: traceIds.find((id) => namesTrace(e.context, id)),
        category: e.category ?? 'UNKNOWN',
        message: e.message ?? 'HubSpot gave no message.',
      })),
    );
  }
  return result;
}

/** Why HubSpot would refuse the note, in words that name the fix; undefined when it would not. */
function refusalOf(note: NoteInput): string | undefined {
  const at = note.properties.hs_timestamp;
  if (at === undefined || at === '') {
    return `Note ${note.traceId} has no hs_timestamp: HubSpot requires one; give when it happened (ISO 8601 or ms since 1970).`;
  }
  const length = note.properties.hs_note_body?.length ?? 0;
  if (length > MAX_NOTE_BODY) {
    return (
      `Note ${note.traceId} has an hs_note_body of ${length.toLocaleString('en-US')} characters: ` +
      `HubSpot takes at most ${MAX_NOTE_BODY.toLocaleString('en-US')}; shorten it.`
    );
  }
  return undefined;
}

/** Whether an error's context names this input's objectWriteTraceId. */
function namesTrace(context: Record<string, unknown> | undefined, traceId: string): boolean {
  const named = context?.objectWriteTraceId;
  return named === traceId || (Array.isArray(named) && named.includes(traceId));
}

function toAssociation(association: { id: string; typeId: number }): Association {
  return {
    to: { id: association.id },
    types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: association.typeId }],
  };
}
