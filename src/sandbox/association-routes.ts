import type { Request, Response } from 'express';
import { companyContactLinks, DEFAULT_TYPE_FROM } from './company-contact-links.ts';
import { objectStore } from './object-store.ts';
import { objectScopes } from './object-scopes.ts';
import { objectType, type ObjectTypeInfo } from './object-types.ts';
import type { PortalContext } from './portal-context.ts';
import { notFoundError, validationError } from './sandbox-http-error.ts';
import type { SandboxRoute } from './sandbox-route.ts';

type Side = ObjectTypeInfo & { type: 'companies' | 'contacts' };

interface Pair {
  from: Side;
  fromId: number;
  to: Side;
  toId: number;
  companyId: number;
  contactId: number;
}

const isSide = (info: ObjectTypeInfo | undefined): info is Side =>
  info?.type === 'companies' || info?.type === 'contacts';

function record(ctx: PortalContext, info: Side, raw: unknown): number {
  const id = String(raw);
  const found = /^\d{1,16}$/.test(id) && objectStore(ctx.db).find(info.type, Number(id));
  if (!found) throw notFoundError(`No ${info.singular} with id ${id} exists.`);
  return Number(id);
}

/** The two records of the path: one company and one contact, in either order, both existing. */
function resolvePair(ctx: PortalContext, params: Request['params']): Pair {
  const from = objectType(String(params.fromObjectType));
  const to = objectType(String(params.toObjectType));
  if (!isSide(from) || !isSide(to) || from.type === to.type) {
    throw validationError(
      `The sandbox associates companies with contacts only, not ${params.fromObjectType} with ${params.toObjectType}.`,
    );
  }
  const fromId = record(ctx, from, params.fromObjectId);
  const toId = record(ctx, to, params.toObjectId);
  const companyFirst = from.type === 'companies';
  return {
    from,
    fromId,
    to,
    toId,
    companyId: companyFirst ? fromId : toId,
    contactId: companyFirst ? toId : fromId,
  };
}

/** Changing an association needs write access to both sides. */
function writeScopes(params: Request['params']): string[] {
  return [params.fromObjectType, params.toObjectType].flatMap((name) => {
    const info = objectType(String(name));
    return info ? [objectScopes(info.type).write] : [];
  });
}

const spec = (fromId: number, toId: number, typeId: number) => ({
  from: { id: String(fromId) },
  to: { id: String(toId) },
  associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId },
});

/**
 * The v4 endpoints that link and unlink one company and one contact. A token's change is
 * attributed to the app (INTEGRATION, sourceId the app id), like its property writes.
 */
export function associationRoutes(ctx: PortalContext): SandboxRoute[] {
  const source = () => ({
    at: ctx.now().toISOString(),
    sourceType: 'INTEGRATION',
    sourceId: String(ctx.appId),
  });
  return [
    {
      method: 'put',
      path: '/crm/v4/objects/:fromObjectType/:fromObjectId/associations/default/:toObjectType/:toObjectId',
      scopes: writeScopes,
      handle: (req: Request, res: Response) => {
        const startedAt = new Date().toISOString();
        const pair = resolvePair(ctx, req.params);
        companyContactLinks(ctx.db).link(pair.companyId, pair.contactId, source());
        res.json({
          status: 'COMPLETE',
          results: [
            spec(pair.fromId, pair.toId, DEFAULT_TYPE_FROM[pair.from.type]),
            spec(pair.toId, pair.fromId, DEFAULT_TYPE_FROM[pair.to.type]),
          ],
          startedAt,
          completedAt: new Date().toISOString(),
        });
      },
    },
    {
      method: 'delete',
      path: '/crm/v4/objects/:fromObjectType/:fromObjectId/associations/:toObjectType/:toObjectId',
      scopes: writeScopes,
      handle: (req: Request, res: Response) => {
        const pair = resolvePair(ctx, req.params);
        companyContactLinks(ctx.db).unlink(pair.companyId, pair.contactId, source());
        res.status(204).end();
      },
    },
  ];
}
