import type { Request, Response } from 'express';
import { z } from 'zod';
import { checkBatchSize, LIMITS } from './batch-limits.ts';
import { objectsNotFound, sendBatch } from './batch-response.ts';
import { objectStore } from './object-store.ts';
import type { ObjectTypeInfo } from './object-types.ts';
import { ownerIds } from './owner-ids.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { propertyCatalog } from './property-catalog.ts';
import { publicObject, type PublicObject } from './public-object.ts';
import { validationError } from './sandbox-http-error.ts';
import { propertyValuesError, validatePropertyValues } from './validate-property-values.ts';

const BatchUpdate = z.object({
  inputs: z.array(
    z.object({
      id: z.union([z.string(), z.number()]),
      properties: z.record(z.string(), z.unknown()),
    }),
  ),
});

function rejectDuplicates(ids: string[]): void {
  const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicates.length > 0) {
    throw validationError(
      `Duplicate IDs found in batch input: [${[...new Set(duplicates)].join(', ')}]. IDs must be unique`,
    );
  }
}

/**
 * POST /crm/v3/objects/{type}/batch/update. Any bad value fails the whole batch with a 400
 * (nothing is written); ids that do not exist fail alone, in a 207.
 */
export function batchUpdateObjects(ctx: PortalContext, info: ObjectTypeInfo) {
  return (req: Request, res: Response): void => {
    const startedAt = new Date().toISOString();
    const body = parseBody(BatchUpdate, req.body);
    checkBatchSize(body.inputs.length, LIMITS.batchInputs);
    const ids = body.inputs.map((input) => String(input.id));
    rejectDuplicates(ids);
    const check = {
      definitions: propertyCatalog(ctx.db).propertyMap(info.type),
      owners: ownerIds(ctx.db),
    };
    const checked = body.inputs.map((input) => validatePropertyValues(check, input.properties));
    const issues = checked.flatMap((result) => result.issues);
    if (issues.length > 0) throw propertyValuesError(issues, ctx.hubId);
    const store = objectStore(ctx.db);
    const at = ctx.now().toISOString();
    const results: PublicObject[] = [];
    const missing: string[] = [];
    ctx.db.transaction(() => {
      checked.forEach(({ values }, index) => {
        const id = ids[index] as string;
        const row = /^\d{1,16}$/.test(id) ? store.find(info.type, Number(id)) : undefined;
        if (!row) return void missing.push(id);
        const updated = store.update(row, values, at, String(ctx.appId));
        const names = [...Object.keys(values), info.modifiedProperty, 'hs_object_id'];
        results.push(publicObject(store, updated, { names: [...new Set(names)], withHistory: [] }));
      });
    })();
    sendBatch(res, results, startedAt, missing.length ? [objectsNotFound(info, missing)] : []);
  };
}
