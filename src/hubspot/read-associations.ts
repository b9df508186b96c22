import { z } from 'zod';
import { chunk } from './chunk.ts';
import type { GatewayContext } from './gateway-context.ts';
import { MalformedResponseError } from './malformed-response-error.ts';
import { parseResponse } from './parse-response.ts';

// v4 batch read takes up to 1,000 inputs and pages each input's associations separately:
// https://developers.hubspot.com/docs/api/crm/associations/v4
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
});

interface PendingInput {
  id: string;
  after?: string;
}

/** For each id, the ids of its associated `toType` records ([] when none), all pages read. */
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
 * For each id, its associated `toType` records with their association types ([] when none), all
 * pages read: one call per 1,000 ids (and per further page), like readAssociations.
 */
export async function readAssociationTypes(
  ctx: GatewayContext,
  fromType: string,
  toType: string,
  ids: readonly string[],
): Promise<Map<string, AssociatedRecord[]>> {
  const associated = new Map<string, AssociatedRecord[]>(ids.map((id) => [id, []]));
  let pending: PendingInput[] = [...associated.keys()].map((id) => ({ id }));
  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_ROUNDS) {
      throw new MalformedResponseError(ENDPOINT, [`still paging after ${MAX_ROUNDS} rounds`]);
    }
    const sent = new Map(pending.map((input) => [input.id, input.after]));
    const next: PendingInput[] = [];
    for (const inputs of chunk(pending, BATCH_SIZE)) {
      const data = await ctx.call(ENDPOINT, async () =>
        parseResponse(
          batchSchema,
          await ctx.sdk.associationsBatch.getPage(fromType, toType, { inputs }),
          ENDPOINT,
        ),
      );
      for (const result of data.results) {
        const to = associated.get(result._from.id) ?? [];
        associated.set(result._from.id, to);
        to.push(...result.to.map((t) => ({ id: t.toObjectId, types: t.associationTypes })));
        const after = result.paging?.next?.after;
        if (after === undefined) continue;
        if (after === sent.get(result._from.id)) {
          throw new MalformedResponseError(ENDPOINT, [`paging.next.after repeats ${after}`]);
        }
        next.push({ id: result._from.id, after });
      }
    }
    pending = next;
  }
  return associated;
}
