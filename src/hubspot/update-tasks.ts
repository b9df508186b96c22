import { z } from 'zod';
import { batchItemErrors, standardErrorSchema } from './batch-item-errors.ts';
import { chunk } from './chunk.ts';
import type { GatewayContext } from './gateway-context.ts';
import { HubSpotError } from './hubspot-error.ts';
import { parseResponse } from './parse-response.ts';

export interface TaskUpdate {
  id: string;
  /** hs_task_status, hs_task_priority, hs_timestamp, …, as strings ("" clears a value). */
  properties: Record<string, string>;
}

export interface UpdateTasksResult {
  /** Tasks HubSpot confirmed. */
  updated: { id: string }[];
  /** Tasks HubSpot did not update; id null for an error HubSpot tied to none of the inputs. */
  errors: { id: string | null; message: string; category?: string }[];
}

// Batch update takes at most 100 inputs and answers 207 when some fail:
// https://developers.hubspot.com/changelog/simplifying-batch-update-response-codes-for-crm-v3-apis
const BATCH_SIZE = 100;
const ENDPOINT = 'tasks.batchUpdate';

const batchSchema = z.object({
  results: z.array(z.object({ id: z.string() })),
  errors: z.array(standardErrorSchema).optional(),
});

/**
 * Writes task properties, 100 tasks per call; resent after a 5xx like any update. Partial
 * failures (207) become per-id errors. A batch refused as a whole because some id is gone
 * (404 / OBJECT_NOT_FOUND) is halved until the missing ids stand alone, so the rest still go
 * through. Failures that would hit every batch alike (auth, scopes, limits, outages) are thrown.
 */
export async function updateTasks(
  ctx: GatewayContext,
  updates: readonly TaskUpdate[],
): Promise<UpdateTasksResult> {
  const result: UpdateTasksResult = { updated: [], errors: [] };
  for (const batch of chunk(updates, BATCH_SIZE)) await updateBatch(ctx, batch, result);
  return result;
}

async function updateBatch(
  ctx: GatewayContext,
  batch: readonly TaskUpdate[],
  result: UpdateTasksResult,
): Promise<void> {
  const ids = batch.map((u) => u.id);
  let data: z.infer<typeof batchSchema>;
  try {
    data = await ctx.call(ENDPOINT, async () =>
      parseResponse(
        batchSchema,
        await ctx.sdk.tasksBatch.update({
          inputs: batch.map((u) => ({ id: u.id, properties: u.properties })),
        }),
        ENDPOINT,
      ),
    );
  } catch (error) {
    if (!refusesOnlyThisBatch(error)) throw error;
    if (!blamesMissingObject(error) || batch.length === 1) {
      const { category, message } = error;
      result.errors.push(...ids.map((id) => ({ id, category, message })));
      return;
    }
    const half = Math.ceil(batch.length / 2);
    await updateBatch(ctx, batch.slice(0, half), result);
    await updateBatch(ctx, batch.slice(half), result);
    return;
  }
  const succeeded = new Set(data.results.map((r) => r.id));
  result.updated.push(...ids.filter((id) => succeeded.has(id)).map((id) => ({ id })));
  const itemErrors = batchItemErrors(ids, succeeded, data.errors ?? []);
  result.errors.push(...itemErrors.map(({ id, category, message }) => ({ id, category, message })));
  if (itemErrors.length === 0) result.errors.push(...unattributed(data.errors ?? []));
}

/** Errors of an answer in which every input succeeded: kept, not dropped, with no id. */
function unattributed(errors: z.infer<typeof standardErrorSchema>[]) {
  return errors.map((e) => ({
    id: null,
    category: e.category ?? 'UNKNOWN',
    message: e.message ?? 'HubSpot gave no message.',
  }));
}

function refusesOnlyThisBatch(error: unknown): error is HubSpotError {
  return (
    error instanceof HubSpotError &&
    error.status >= 400 &&
    error.status < 500 &&
    ![401, 403, 429].includes(error.status)
  );
}

/** Bad values fail the batch too, but every half would fail again: only a gone id is worth it. */
function blamesMissingObject(error: HubSpotError): boolean {
  return error.status === 404 || error.category === 'OBJECT_NOT_FOUND';
}
