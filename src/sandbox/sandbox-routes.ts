import type { Request } from 'express';
import { accountInfoRoutes } from './account-info-routes.ts';
import { associationRoutes } from './association-routes.ts';
import { batchReadAssociations } from './batch-read-associations.ts';
import { objectRoutes } from './object-routes.ts';
import { objectScopes } from './object-scopes.ts';
import { objectType } from './object-types.ts';
import { ownerRoutes } from './owner-routes.ts';
import type { PortalContext } from './portal-context.ts';
import { propertyRoutes } from './property-routes.ts';
import type { SandboxRoute } from './sandbox-route.ts';
import { sequenceRoutes } from './sequence-routes.ts';
import { tokenInfoRoutes } from './token-info-routes.ts';

/** Reading associations needs read access to both sides. */
function associationScopes(params: Request['params']): string[] {
  return [params.fromObjectType, params.toObjectType].flatMap((name) => {
    const info = objectType(String(name));
    return info ? [objectScopes(info.type).read] : [];
  });
}

/** Every endpoint the sandbox serves: the part of HubSpot's API that Vitals uses. */
export function sandboxRoutes(ctx: PortalContext): SandboxRoute[] {
  return [
    ...objectRoutes(ctx),
    {
      method: 'post',
      path: '/crm/v4/associations/:fromObjectType/:toObjectType/batch/read',
      scopes: associationScopes,
      handle: batchReadAssociations(ctx),
    },
    ...associationRoutes(ctx),
    ...propertyRoutes(ctx),
    ...ownerRoutes(ctx),
    ...sequenceRoutes(ctx),
    ...tokenInfoRoutes(ctx),
    ...accountInfoRoutes(ctx),
  ];
}
