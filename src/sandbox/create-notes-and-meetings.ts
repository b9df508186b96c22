import type { Request, Response } from 'express';
import { z } from 'zod';
import { checkBatchSize, LIMITS } from './batch-limits.ts';
import { sendBatch, type BatchError } from './batch-response.ts';
import {
  AssociationInput,
  checkCreationAssociations,
  linkCreated,
  type CreationLink,
} from './engagement-associations.ts';
import { REQUIRED_MEETING_PROPERTIES } from './meeting-catalog.ts';
import { REQUIRED_NOTE_PROPERTIES } from './note-catalog.ts';
import { objectStore, type PropertyValues } from './object-store.ts';
import { objectTypeInfo } from './object-types.ts';
import { outOfOrder } from './out-of-order.ts';
import { ownerIds } from './owner-ids.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { propertyCatalog } from './property-catalog.ts';
import { publicObject } from './public-object.ts';
import { SandboxHttpError } from './sandbox-http-error.ts';
import { seededRandom } from './seeded-random.ts';
import {
  propertyValuesError,
  validatePropertyValues,
  type ValueCheck,
} from './validate-property-values.ts';

/** The activities created here: each input stands or falls on its own in a batch. */
export type NoteOrMeeting = 'notes' | 'meetings';

const CreateInput = z.object({
  properties: z.record(z.string(), z.unknown()),
  associations: z.array(AssociationInput).optional(),
  objectWriteTraceId: z.string().optional(),
});
type CreateInput = z.infer<typeof CreateInput>;

const BatchCreate = z.object({ inputs: z.array(CreateInput) });

const REQUIRED: Record<NoteOrMeeting, readonly string[]> = {
  notes: REQUIRED_NOTE_PROPERTIES,
  meetings: REQUIRED_MEETING_PROPERTIES,
};

// Keeps each type's result-order draws apart from the other uses of the portal's seed.
const ORDER_SALT: Record<NoteOrMeeting, number> = { notes: 0x0a7e, meetings: 0x3ee7 };

interface Planned {
  values: PropertyValues;
  links: CreationLink[];
  traceId: string | undefined;
}

function valueCheck(ctx: PortalContext, type: NoteOrMeeting): ValueCheck {
  return {
    definitions: propertyCatalog(ctx.db).propertyMap(type),
    owners: ownerIds(ctx.db),
    required: REQUIRED[type],
  };
}

/** One input checked as HubSpot checks it; what is wrong is thrown as HubSpot's 400. */
function plan(ctx: PortalContext, type: NoteOrMeeting, check: ValueCheck, input: CreateInput) {
  const { values, issues } = validatePropertyValues(check, input.properties);
  if (issues.length > 0) throw propertyValuesError(issues, ctx.hubId);
  const links = checkCreationAssociations(objectStore(ctx.db), type, input.associations ?? []);
  return { values, links, traceId: input.objectWriteTraceId };
}

/** Inserts checked inputs in one transaction and returns them in HubSpot's object shape. */
function insert(ctx: PortalContext, type: NoteOrMeeting, planned: readonly Planned[]) {
  const store = objectStore(ctx.db);
  const info = objectTypeInfo(type);
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() =>
    planned.map(({ values, links, traceId }) => {
      const row = store.insert(type, store.nextId(type), values, at, String(ctx.appId));
      linkCreated(ctx.db, type, row.id, links);
      const names = [...Object.keys(values), info.createdProperty, info.modifiedProperty];
      const made = publicObject(store, row, { names: [...names, 'hs_object_id'], withHistory: [] });
      // HubSpot echoes each input's trace id on the record it made from it.
      return traceId === undefined ? made : { ...made, objectWriteTraceId: traceId };
    }),
  )();
}

/**
 * A refused input as an entry of the batch's `errors`. HubSpot documents no field that says
 * which input an entry is about; the sandbox names it by its objectWriteTraceId in `context`.
 */
function inputError(error: SandboxHttpError, traceId: string | undefined): BatchError {
  const { message, category, subCategory } = error.fields;
  return {
    status: 'error',
    category: category ?? 'VALIDATION_ERROR',
    ...(subCategory === undefined ? {} : { subCategory }),
    message,
    ...(traceId === undefined ? {} : { context: { objectWriteTraceId: [traceId] } }),
  };
}

/** POST /crm/v3/objects/{notes|meetings}: 201, or 400 naming what is wrong (hs_timestamp, …). */
export function createNoteOrMeeting(ctx: PortalContext, type: NoteOrMeeting) {
  return (req: Request, res: Response): void => {
    const input = parseBody(CreateInput, req.body);
    const [made] = insert(ctx, type, [plan(ctx, type, valueCheck(ctx, type), input)]);
    res.status(201).json(made);
  };
}

/**
 * POST /crm/v3/objects/{notes|meetings}/batch/create: at most 100 inputs. Each input is checked
 * on its own: the good ones are created and the refused ones come back in `errors` (a 207); a
 * batch too large or not shaped as a batch is refused whole (400). Results come back out of
 * input order, each with its input's objectWriteTraceId.
 */
export function createNoteOrMeetingBatch(ctx: PortalContext, type: NoteOrMeeting) {
  const random = seededRandom((ctx.seed ^ ORDER_SALT[type]) >>> 0);
  return (req: Request, res: Response): void => {
    const startedAt = new Date().toISOString();
    const body = parseBody(BatchCreate, req.body);
    checkBatchSize(body.inputs.length, LIMITS.batchInputs);
    const check = valueCheck(ctx, type);
    const planned: Planned[] = [];
    const errors: BatchError[] = [];
    for (const input of body.inputs) {
      try {
        planned.push(plan(ctx, type, check, input));
      } catch (error) {
        if (!(error instanceof SandboxHttpError)) throw error;
        errors.push(inputError(error, input.objectWriteTraceId));
      }
    }
    const created = insert(ctx, type, planned);
    sendBatch(res, outOfOrder(created, random), startedAt, errors, 201);
  };
}
