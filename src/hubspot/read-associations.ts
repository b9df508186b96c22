import { z } from 'zod';
import { AssociationReadError } from './association-read-error.ts';
import {
  batchItemErrors,
  namesId,
  standardErrorSchema,
  type BatchItemError,
} from './batch-item-errors.ts';
import { chunk } from './chunk.ts';
import type { GatewayContext } from './gateway-context.ts';
import { MalformedResponseError } from './malformed-response-error.ts';
import { parseResponse } from './parse-response.ts';

// v4 batch read takes up to 1,000 inputs and pages each input's associations separately: an
// input's result carries paging.next.after, sent back as { id, after } for the next page.
// https://developers.hubspot.com/docs/api-reference/latest/crm/associations/associate-records/batch/get-associations
const BATCH_SIZE = 1000;
// Each round follows one more page for the ids that have one; this many rounds means a loop.
const MAX_ROUNDS = 1000;
const ENDPOINT = 'associations.batchRead';

/**
 * HUBSPOT_DEFINED company↔contact types (https://developers.hubspot.com/docs/api/crm/associations,
 * "Company to object" / "Contact to object"). "Primary" marks a contact's primary *company*: a
 * company carries type 2 for every contact whose primary company it is, so it singles out no
 * "primary contact" of the company. Unlabeled types (279/280) come with every association.
 */
export const ASSOCIATION_TYPES = {
  contactToCompany: 279,
  contactToPrimaryCompany: 1,
  companyToContact: 280,
  companyToContactPrimary: 2,
} as const;

/** One association type on a link; HubSpot says to rely on typeId, never on the label. */
export interface AssociationType {
  category: string;
  typeId: number;
  /** "Primary", a custom label, or null for the unlabeled type. */
  label: string | null;
}

/** One associated record and every type that links it. */
export interface AssociatedRecord {
  id: string;
  types: AssociationType[];
}

// HubSpot sends toObjectId as a number although its spec says string.
const objectId = z.union([z.string(), z.number()]).transform(String);
const typeSchema = z.object({
  category: z.string(),
  typeId: z.number(),
  label: z
    .string()
    .nullish()
    .transform((label) => label ?? null),
});
// Its spec types subCategory as an object; it arrives as a string.
const inputErrorSchema = standardErrorSchema.extend({ subCategory: z.unknown().optional() });
const batchSchema = z.object({
  results: z.array(
    z.object({
      _from: z.object({ id: objectId }),
      to: z.array(
        z.object({ toObjectId: objectId, associationTypes: z.array(typeSchema).default([]) }),
      ),
      paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
    }),
  ),
  errors: z.array(inputErrorSchema).optional(),
});
type InputError = z.infer<typeof inputErrorSchema>;

interface PendingInput {
  id: string;
  after?: string;
}

interface ReadState {
  associated: Map<string, AssociatedRecord[]>;
  failures: Map<string, BatchItemError>;
}

/** HubSpot's way of saying an input has no associations (also for an id it does not know). */
function saysNoneFound(error: InputError): boolean {
  const sub = typeof error.subCategory === 'string' ? error.subCategory : '';
  return sub.endsWith('NO_ASSOCIATIONS_FOUND');
}

/**
 * For each id, the ids of its associated `toType` records ([] when HubSpot found none), all pages
 * read. Throws AssociationReadError when HubSpot could not answer some ids (see there).
 */
export async function readAssociations(
  ctx: GatewayContext,
  fromType: string,
  toType: string,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const linked = await readAssociationTypes(ctx, fromType, toType, ids);
  return new Map([...linked].map(([id, records]) => [id, records.map((record) => record.id)]));
}

/**
 * For each id, its associated `toType` records with their association types ([] when HubSpot
 * answered NO_ASSOCIATIONS_FOUND), all pages read: one call per 1,000 ids and per further page.
 * Any other per-input error, or an input HubSpot left unanswered, is not "none": after every
 * other id is read, AssociationReadError names the failed ids and carries what was read.
 */
export async function readAssociationTypes(
  ctx: GatewayContext,
  fromType: string,
  toType: string,
  ids: readonly string[],
): Promise<Map<string, AssociatedRecord[]>> {
  const state: ReadState = {
    associated: new Map(ids.map((id) => [id, []])),
    failures: new Map(),
  };
  let pending: PendingInput[] = [...state.associated.keys()].map((id) => ({ id }));
  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_ROUNDS) {
      throw new MalformedResponseError(ENDPOINT, [`still paging after ${MAX_ROUNDS} rounds`]);
    }
    const next: PendingInput[] = [];
    for (const inputs of chunk(pending, BATCH_SIZE)) {
      const data = await ctx.call(ENDPOINT, async () =>
        parseResponse(
          batchSchema,
          await ctx.sdk.associationsBatch.getPage(fromType, toType, { inputs }),
          ENDPOINT,
        ),
      );
      next.push(...takeAnswer(data, inputs, state));
    }
    pending = next;
  }
  if (state.failures.size === 0) return state.associated;
  for (const id of state.failures.keys()) state.associated.delete(id);
  throw new AssociationReadError(
    { fromType, toType },
    [...state.failures.values()],
    state.associated,
  );
}

/** Records one answer's links and refusals; returns the inputs that have a further page. */
function takeAnswer(
  data: z.infer<typeof batchSchema>,
  inputs: readonly PendingInput[],
  state: ReadState,
): PendingInput[] {
  const sent = new Map(inputs.map((input) => [input.id, input.after]));
  const answered = new Set<string>();
  const next: PendingInput[] = [];
  for (const result of data.results) {
    const id = result._from.id;
    if (!sent.has(id)) continue;
    answered.add(id);
    state.associated
      .get(id)
      ?.push(...result.to.map((t) => ({ id: t.toObjectId, types: t.associationTypes })));
    const after = result.paging?.next?.after;
    if (after === undefined) continue;
    if (after === sent.get(id)) {
      throw new MalformedResponseError(ENDPOINT, [`paging.next.after repeats ${after}`]);
    }
    next.push({ id, after });
  }
  const errors = data.errors ?? [];
  const none = errors.filter(saysNoneFound);
  for (const id of sent.keys()) if (none.some((error) => namesId(error, id))) answered.add(id);
  const refusals = errors.filter((error) => !saysNoneFound(error));
  for (const failure of batchItemErrors([...sent.keys()], answered, refusals)) {
    state.failures.set(failure.id, failure);
  }
  return next;
}
