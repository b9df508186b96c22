import type { Request, Response } from 'express';
import { z } from 'zod';
import { checkBatchSize, LIMITS } from './batch-limits.ts';
import { objectsNotFound, sendBatch } from './batch-response.ts';
import { objectStore } from './object-store.ts';
import type { ObjectTypeInfo } from './object-types.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { propertyCatalog } from './property-catalog.ts';
import { propertySelection } from './property-selection.ts';
import { publicObject, type PublicObject } from './public-object.ts';
import { validationError } from './sandbox-http-error.ts';

const BatchRead = z.object({
  inputs: z.array(z.object({ id: z.union([z.string(), z.number()]) })),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
  archived: z.boolean().optional(),
});

/** POST /crm/v3/objects/{type}/batch/read: unknown ids come back as a 207 with errors. */
export function batchReadObjects(ctx: PortalContext, info: ObjectTypeInfo) {
  return (req: Request, res: Response): void => {
    const startedAt = new Date().toISOString();
    const body = parseBody(BatchRead, req.body);
    const withHistory = body.propertiesWithHistory ?? [];
    const cap = withHistory.length > 0 ? LIMITS.batchInputsWithHistory : LIMITS.batchInputs;
    checkBatchSize(body.inputs.length, cap, withHistory.length > 0);
    if (body.idProperty !== undefined && body.idProperty !== 'hs_object_id') {
      throw validationError(
        `idProperty "${body.idProperty}" is not a unique property of ${info.type}`,
      );
    }
    const store = objectStore(ctx.db);
    const definitions = propertyCatalog(ctx.db).propertyMap(info.type);
    const selection = propertySelection(info, definitions, body.properties, withHistory);
    const results: PublicObject[] = [];
    const missing: string[] = [];
    for (const id of new Set(body.inputs.map((input) => String(input.id)))) {
      const row = /^\d{1,16}$/.test(id) ? store.find(info.type, Number(id)) : undefined;
      if (row) results.push(publicObject(store, row, selection));
      else missing.push(id);
    }
    sendBatch(res, results, startedAt, missing.length ? [objectsNotFound(info, missing)] : []);
  };
}
