import type { Request, Response } from 'express';
import { z } from 'zod';
import { decodeAssociationCursor, encodeAssociationCursor } from './association-cursor.ts';
import {
  associationReadFailed,
  noAssociationsFound,
  unknownCursor,
} from './association-read-errors.ts';
import { checkBatchSize, LIMITS } from './batch-limits.ts';
import { sendBatch, type BatchError } from './batch-response.ts';
import { cachedStatement } from './cached-statement.ts';
import { objectType, type ObjectTypeInfo } from './object-types.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { validationError } from './sandbox-http-error.ts';

const Input = z.object({ id: z.union([z.string(), z.number()]), after: z.string().optional() });
const BatchRead = z.object({ inputs: z.array(Input) });

/** Pairs the sandbox stores; HubSpot's primary types (1, 2) carry the label "Primary". */
const PAIRS = new Set(
  [
    ['companies', 'contacts'],
    ['tasks', 'companies'],
    ['tasks', 'contacts'],
    ['notes', 'companies'],
    ['notes', 'contacts'],
    ['meetings', 'companies'],
    ['meetings', 'contacts'],
  ].flatMap(([a, b]) => [`${a}>${b}`, `${b}>${a}`]),
);
const PRIMARY_TYPES = new Set([1, 2]);

interface Pair {
  from: ObjectTypeInfo;
  to: ObjectTypeInfo;
}

interface Link {
  toId: number;
  typeIds: string;
}

type Outcome = { result: object } | { error: BatchError };

function resolvePair(req: Request): Pair {
  const from = objectType(String(req.params.fromObjectType));
  const to = objectType(String(req.params.toObjectType));
  if (!from || !to || !PAIRS.has(`${from.type}>${to.type}`)) {
    throw validationError(
      `The sandbox has no associations from ${req.params.fromObjectType} to ${req.params.toObjectType}.`,
    );
  }
  return { from, to };
}

function toEntry({ toId, typeIds }: Link) {
  return {
    toObjectId: toId,
    associationTypes: typeIds
      .split(',')
      .map(Number)
      .map((typeId) => ({
        category: 'HUBSPOT_DEFINED',
        typeId,
        label: PRIMARY_TYPES.has(typeId) ? 'Primary' : null,
      })),
  };
}

/** One input's page: at most associationPageSize links after its cursor, and the next cursor. */
function readPage(ctx: PortalContext, pair: Pair, input: z.infer<typeof Input>): Outcome {
  const id = String(input.id);
  if (ctx.faults().failingAssociationReads?.includes(id)) {
    return { error: associationReadFailed(pair, id) };
  }
  const afterId = input.after === undefined ? 0 : decodeAssociationCursor(input.after);
  if (afterId === undefined) return { error: unknownCursor(pair, id, input.after!) };
  const size = ctx.associationPageSize;
  const links = /^\d{1,16}$/.test(id)
    ? (cachedStatement(
        ctx.db,
        `SELECT a.to_id AS toId, a.type_ids AS typeIds FROM associations a
         JOIN objects o ON o.id = a.from_id AND o.type = ?
         WHERE a.from_id = ? AND a.to_type = ? AND a.to_id > ? ORDER BY a.to_id LIMIT ?`,
      ).all(pair.from.type, Number(id), pair.to.type, afterId, size + 1) as Link[])
    : [];
  if (links.length === 0 && input.after === undefined) {
    return { error: noAssociationsFound(pair, id) };
  }
  const page = links.slice(0, size);
  const last = page.at(-1);
  const paging =
    links.length > size && last
      ? { paging: { next: { after: encodeAssociationCursor(last.toId) } } }
      : {};
  return { result: { from: { id }, to: page.map(toEntry), ...paging } };
}

/**
 * POST /crm/v4/associations/{from}/{to}/batch/read. Like HubSpot, each input pages on its own
 * (`paging.next.after` on its result, sent back as `{ id, after }`), and an input that has no
 * associations, or does not exist, is a NO_ASSOCIATIONS_FOUND entry in `errors` (a 207).
 */
export function batchReadAssociations(ctx: PortalContext) {
  return (req: Request, res: Response): void => {
    const startedAt = new Date().toISOString();
    const pair = resolvePair(req);
    const body = parseBody(BatchRead, req.body);
    checkBatchSize(body.inputs.length, LIMITS.associationInputs);
    const results: object[] = [];
    const errors: BatchError[] = [];
    const asked = new Set<string>();
    for (const input of body.inputs) {
      const key = `${input.id}|${input.after ?? ''}`;
      if (asked.has(key)) continue;
      asked.add(key);
      const outcome = readPage(ctx, pair, input);
      if ('error' in outcome) errors.push(outcome.error);
      else results.push(outcome.result);
    }
    sendBatch(res, results, startedAt, errors);
  };
}
