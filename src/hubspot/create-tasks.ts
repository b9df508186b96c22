import { z } from 'zod';
import { standardErrorSchema } from './batch-item-errors.ts';
import { chunk } from './chunk.ts';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';

export interface TaskInput {
  /** hs_timestamp (the due time) is required; hs_task_subject, hubspot_owner_id, … */
  properties: Record<string, string>;
  /** Records to attach it to, by HUBSPOT_DEFINED type id (192 task→company, 204 task→contact). */
  associations?: readonly { id: string; typeId: number }[];
  /** Echoed back on the created task, so a caller can tell which input became which task. */
  traceId?: string;
}

export interface CreatedTask {
  id: string;
  traceId: string | undefined;
  /** hs_task_body as created: HubSpot does not promise results in input order, so a caller
   * that must know which input became which task can match on what it wrote there. */
  body: string | null;
}

export interface CreateTasksResult {
  created: CreatedTask[];
  errors: { category: string; message: string }[];
}

// Batch create takes at most 100 inputs and answers 207 when some fail:
// https://developers.hubspot.com/docs/api/crm/tasks
const BATCH_SIZE = 100;
const ENDPOINT = 'tasks.batchCreate';

type BatchInput = Parameters<GatewayContext['sdk']['tasksBatch']['create']>[0];
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

/** Creates tasks, 100 per call. Never resent after a 5xx: the tasks may exist already. */
export async function createTasks(
  ctx: GatewayContext,
  tasks: readonly TaskInput[],
): Promise<CreateTasksResult> {
  const result: CreateTasksResult = { created: [], errors: [] };
  for (const batch of chunk(tasks, BATCH_SIZE)) {
    const inputs = batch.map((task) => ({
      properties: task.properties,
      associations: (task.associations ?? []).map(toAssociation),
      ...(task.traceId === undefined ? {} : { objectWriteTraceId: task.traceId }),
    }));
    const data = await ctx.call(
      ENDPOINT,
      async () => parseResponse(batchSchema, await ctx.sdk.tasksBatch.create({ inputs }), ENDPOINT),
      { idempotent: false },
    );
    result.created.push(
      ...data.results.map((r) => ({
        id: r.id,
        traceId: r.objectWriteTraceId,
        body: r.properties?.hs_task_body ?? null,
      })),
    );
    result.errors.push(
      ...(data.errors ?? []).map((e) => ({
        category: e.category ?? 'UNKNOWN',
        message: e.message ?? 'HubSpot gave no message.',
      })),
    );
  }
  return result;
}

function toAssociation(association: { id: string; typeId: number }): Association {
  return {
    to: { id: association.id },
    types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: association.typeId }],
  };
}
