import { z } from 'zod';
import { batchItemErrors, standardErrorSchema, type BatchItemError } from './batch-item-errors.ts';
import { chunk } from './chunk.ts';
import type { GatewayContext } from './gateway-context.ts';
import { HubSpotError } from './hubspot-error.ts';
import { parseResponse } from './parse-response.ts';

export interface CompanyUpdate {
  id: string;
  /** Property values as HubSpot takes them: strings ("" clears a value). */
  properties: Record<string, string>;
}

export interface UpdateResult {
  /** Ids HubSpot confirmed. */
  updated: string[];
  /** Ids HubSpot did not update, each with its reason. */
  errors: BatchItemError[];
}

// Batch update takes at most 100 inputs and answers 207 when some fail:
// https://developers.hubspot.com/docs/api/crm/companies
const BATCH_SIZE = 100;
const ENDPOINT = 'companies.batchUpdate';

const batchSchema = z.object({
  results: z.array(z.object({ id: z.string() })),
  errors: z.array(standardErrorSchema).optional(),
});

/**
 * Writes property values, 100 companies per call. Partial failures (207) and batches HubSpot
 * refuses as a whole (4xx) become per-id errors and the other batches still go out; failures
 * that would hit every batch alike (auth, scopes, limits, outages) are thrown.
 */
export async function updateCompanies(
  ctx: GatewayContext,
  updates: readonly CompanyUpdate[],
): Promise<UpdateResult> {
  const result: UpdateResult = { updated: [], errors: [] };
  for (const batch of chunk(updates, BATCH_SIZE)) {
    const ids = batch.map((u) => u.id);
    try {
      const data = await ctx.call(ENDPOINT, async () =>
        parseResponse(
          batchSchema,
          await ctx.sdk.companiesBatch.update({
            inputs: batch.map((u) => ({ id: u.id, properties: u.properties })),
          }),
          ENDPOINT,
        ),
      );
      const succeeded = new Set(data.results.map((r) => r.id));
      result.updated.push(...ids.filter((id) => succeeded.has(id)));
      result.errors.push(...batchItemErrors(ids, succeeded, data.errors ?? []));
    } catch (error) {
      if (!refusesOnlyThisBatch(error)) throw error;
      const { status, category, message } = error;
      result.errors.push(...ids.map((id) => ({ id, status, category, message })));
    }
  }
  return result;
}

function refusesOnlyThisBatch(error: unknown): error is HubSpotError {
  return (
    error instanceof HubSpotError &&
    error.status >= 400 &&
    error.status < 500 &&
    ![401, 403, 429].includes(error.status)
  );
}
