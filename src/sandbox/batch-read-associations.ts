import type { Request, Response } from 'express';
import { z } from 'zod';
import { checkBatchSize, LIMITS } from './batch-limits.ts';
import { sendBatch, type BatchError } from './batch-response.ts';
import { cachedStatement } from './cached-statement.ts';
import { objectType, type ObjectTypeInfo } from './object-types.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { validationError } from './sandbox-http-error.ts';

const BatchRead = z.object({
  inputs: z.array(
    z.object({ id: z.union([z.string(), z.number()]), after: z.string().optional() }),
  ),
});

/** Pairs the sandbox stores; HubSpot's primary types (1, 2) carry the label "Primary". */
const PAIRS = new Set([
  'companies>contacts',
  'contacts>companies',
  'tasks>companies',
  'companies>tasks',
  'tasks>contacts',
  'contacts>tasks',
]);
const PRIMARY_TYPES = new Set([1, 2]);

function resolvePair(req: Request): [ObjectTypeInfo, ObjectTypeInfo] {
  const from = objectType(String(req.params.fromObjectType));
  const to = objectType(String(req.params.toObjectType));
  if (!from || !to || !PAIRS.has(`${from.type}>${to.type}`)) {
    throw validationError(
      `The sandbox has no associations from ${req.params.fromObjectType} to ${req.params.toObjectType}.`,
    );
  }
  return [from, to];
}

function noAssociations(from: ObjectTypeInfo, to: ObjectTypeInfo, id: string): BatchError {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
    message: `No ${to.singular} is associated with ${from.singular} ${id}.`,
    context: { fromObjectId: [id], fromObjectType: [from.singular], toObjectType: [to.singular] },
  };
}

/**
 * POST /crm/v4/associations/{from}/{to}/batch/read. Like HubSpot, an id with no associations
 * (or that does not exist) is an error entry, which makes the answer a 207.
 */
export function batchReadAssociations(ctx: PortalContext) {
  return (req: Request, res: Response): void => {
    const startedAt = new Date().toISOString();
    const [from, to] = resolvePair(req);
    const body = parseBody(BatchRead, req.body);
    checkBatchSize(body.inputs.length, LIMITS.associationInputs);
    const query = cachedStatement(
      ctx.db,
      `SELECT a.to_id AS toId, a.type_ids AS typeIds FROM associations a
       JOIN objects o ON o.id = a.from_id AND o.type = ?
       WHERE a.from_id = ? AND a.to_type = ? ORDER BY a.to_id`,
    );
    const results: unknown[] = [];
    const errors: BatchError[] = [];
    for (const id of new Set(body.inputs.map((input) => String(input.id)))) {
      const links = /^\d{1,16}$/.test(id)
        ? (query.all(from.type, Number(id), to.type) as { toId: number; typeIds: string }[])
        : [];
      if (links.length === 0) {
        errors.push(noAssociations(from, to, id));
        continue;
      }
      const toEntries = links.map(({ toId, typeIds }) => ({
        toObjectId: toId,
        associationTypes: typeIds
          .split(',')
          .map(Number)
          .map((typeId) => ({
            category: 'HUBSPOT_DEFINED',
            typeId,
            label: PRIMARY_TYPES.has(typeId) ? 'Primary' : null,
          })),
      }));
      results.push({ from: { id }, to: toEntries });
    }
    sendBatch(res, results, startedAt, errors);
  };
}
