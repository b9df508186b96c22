import type { Request, Response } from 'express';
import { z } from 'zod';
import { objectStore } from './object-store.ts';
import type { ObjectTypeInfo } from './object-types.ts';
import { ownerIds } from './owner-ids.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { propertyCatalog } from './property-catalog.ts';
import { publicObject } from './public-object.ts';
import { notFoundError } from './sandbox-http-error.ts';
import { propertyValuesError, validatePropertyValues } from './validate-property-values.ts';

const Update = z.object({ properties: z.record(z.string(), z.unknown()) });

/**
 * PATCH /crm/v3/objects/{type}/{id}: one record's batch update. A bad value fails it with a 400
 * and nothing is written; each changed value goes into the record's history (and so becomes a
 * propertyChange event when subscribed).
 */
export function updateObject(ctx: PortalContext, info: ObjectTypeInfo) {
  return (req: Request, res: Response): void => {
    const id = String(req.params.objectId);
    const body = parseBody(Update, req.body);
    const store = objectStore(ctx.db);
    const row = /^\d{1,16}$/.test(id) ? store.find(info.type, Number(id)) : undefined;
    if (!row) throw notFoundError(`No ${info.singular} with id ${id} exists.`);
    const check = {
      definitions: propertyCatalog(ctx.db).propertyMap(info.type),
      owners: ownerIds(ctx.db),
    };
    const { values, issues } = validatePropertyValues(check, body.properties);
    if (issues.length > 0) throw propertyValuesError(issues, ctx.hubId);
    const updated = ctx.db.transaction(() =>
      store.update(row, values, ctx.now().toISOString(), String(ctx.appId)),
    )();
    const names = [...Object.keys(values), info.modifiedProperty, 'hs_object_id'];
    res.json(publicObject(store, updated, { names: [...new Set(names)], withHistory: [] }));
  };
}
