import type { Request, Response } from 'express';
import { z } from 'zod';
import { checkBatchSize, LIMITS } from './batch-limits.ts';
import { sendBatch } from './batch-response.ts';
import { objectStore, type PropertyValues } from './object-store.ts';
import { objectTypeInfo } from './object-types.ts';
import { outOfOrder } from './out-of-order.ts';
import { ownerIds } from './owner-ids.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { propertyCatalog } from './property-catalog.ts';
import { publicObject } from './public-object.ts';
import { seededRandom } from './seeded-random.ts';
import {
  AssociationInput,
  checkTaskAssociations,
  linkTask,
  type TaskLink,
} from './task-associations.ts';
import { REQUIRED_TASK_PROPERTIES } from './task-catalog.ts';
import { propertyValuesError, validatePropertyValues } from './validate-property-values.ts';

const TaskInput = z.object({
  properties: z.record(z.string(), z.unknown()),
  associations: z.array(AssociationInput).optional(),
  objectWriteTraceId: z.string().optional(),
});

const BatchCreate = z.object({ inputs: z.array(TaskInput) });

interface PlannedTask {
  values: PropertyValues;
  links: TaskLink[];
  traceId: string | undefined;
}

const TASKS = objectTypeInfo('tasks');

function plan(ctx: PortalContext, inputs: z.infer<typeof TaskInput>[]): PlannedTask[] {
  const check = {
    definitions: propertyCatalog(ctx.db).propertyMap('tasks'),
    owners: ownerIds(ctx.db),
    required: REQUIRED_TASK_PROPERTIES,
  };
  const checked = inputs.map((input) => validatePropertyValues(check, input.properties));
  const issues = checked.flatMap((result) => result.issues);
  if (issues.length > 0) throw propertyValuesError(issues, ctx.hubId);
  const store = objectStore(ctx.db);
  return checked.map(({ values }, index) => ({
    values,
    links: checkTaskAssociations(store, inputs[index]?.associations ?? []),
    traceId: inputs[index]?.objectWriteTraceId,
  }));
}

/** Inserts checked tasks in one transaction and returns them in HubSpot's object shape. */
function insertTasks(ctx: PortalContext, tasks: PlannedTask[]) {
  const store = objectStore(ctx.db);
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() =>
    tasks.map(({ values, links, traceId }) => {
      const row = store.insert('tasks', store.nextId('tasks'), values, at, String(ctx.appId));
      linkTask(ctx.db, row.id, links);
      const names = [...Object.keys(values), TASKS.createdProperty, TASKS.modifiedProperty];
      const task = publicObject(store, row, { names: [...names, 'hs_object_id'], withHistory: [] });
      // HubSpot echoes each input's trace id on the record it made from it.
      return traceId === undefined ? task : { ...task, objectWriteTraceId: traceId };
    }),
  )();
}

/** POST /crm/v3/objects/tasks: hs_timestamp is required, associations must be 192 or 204. */
export function createTask(ctx: PortalContext) {
  return (req: Request, res: Response): void => {
    const input = parseBody(TaskInput, req.body);
    const [task] = insertTasks(ctx, plan(ctx, [input]));
    res.status(201).json(task);
  };
}

// Keeps the order draws apart from the other uses of the portal's seed.
const ORDER_SALT = 0x0dd0;

/**
 * POST /crm/v3/objects/tasks/batch/create: one bad input fails the whole batch, as in HubSpot.
 * The results come back out of input order; each carries its input's objectWriteTraceId.
 */
export function createTaskBatch(ctx: PortalContext) {
  const random = seededRandom((ctx.seed ^ ORDER_SALT) >>> 0);
  return (req: Request, res: Response): void => {
    const startedAt = new Date().toISOString();
    const body = parseBody(BatchCreate, req.body);
    checkBatchSize(body.inputs.length, LIMITS.batchInputs);
    const created = insertTasks(ctx, plan(ctx, body.inputs));
    sendBatch(res, outOfOrder(created, random), startedAt, [], 201);
  };
}
