import type { Request } from 'express';
import { z } from 'zod';
import { createProperty, INTERNAL_NAME, PropertyCreate } from './create-property.ts';
import { objectScopes } from './object-scopes.ts';
import { objectType, type ObjectTypeInfo } from './object-types.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { propertyCatalog } from './property-catalog.ts';
import { notFoundError, SandboxHttpError, validationError } from './sandbox-http-error.ts';
import type { SandboxRoute } from './sandbox-route.ts';

const GroupCreate = z.object({
  name: z.string(),
  label: z.string().min(1),
  displayOrder: z.number().int().optional(),
});

const BASE = '/crm/v3/properties/:objectType';

function typeOf(req: Request): ObjectTypeInfo {
  const info = objectType(String(req.params.objectType));
  if (!info) throw validationError(`Unable to infer object type from: ${req.params.objectType}`);
  return info;
}

const scopes = (kind: 'schemaRead' | 'schemaWrite') => (params: Request['params']) => {
  const info = objectType(String(params.objectType));
  return info ? [objectScopes(info.type)[kind]] : [];
};

/** Properties and property groups: read, and create the way setup does. */
export function propertyRoutes(ctx: PortalContext): SandboxRoute[] {
  const catalog = propertyCatalog(ctx.db);
  return [
    {
      method: 'get',
      path: `${BASE}/groups`,
      scopes: scopes('schemaRead'),
      handle: (req, res) => void res.json({ results: catalog.groups(typeOf(req).type) }),
    },
    {
      method: 'post',
      path: `${BASE}/groups`,
      scopes: scopes('schemaWrite'),
      handle: (req, res) => {
        const { type } = typeOf(req);
        const input = parseBody(GroupCreate, req.body);
        if (!INTERNAL_NAME.test(input.name)) {
          throw validationError(
            `Group name "${input.name}" must start with a lowercase letter and hold only lowercase letters, digits and underscores.`,
          );
        }
        if (catalog.group(type, input.name)) {
          throw new SandboxHttpError(
            409,
            'CONFLICT',
            `Property group named '${input.name}' already exists.`,
          );
        }
        const group = {
          name: input.name,
          label: input.label,
          displayOrder: input.displayOrder ?? -1,
          archived: false,
        };
        catalog.addGroup(type, group);
        res.status(201).json(group);
      },
    },
    {
      method: 'get',
      path: `${BASE}/groups/:groupName`,
      scopes: scopes('schemaRead'),
      handle: (req, res) => {
        const group = catalog.group(typeOf(req).type, String(req.params.groupName));
        if (!group)
          throw notFoundError(`Unable to find property group named '${req.params.groupName}'`);
        res.json(group);
      },
    },
    {
      method: 'get',
      path: BASE,
      scopes: scopes('schemaRead'),
      handle: (req, res) => void res.json({ results: catalog.properties(typeOf(req).type) }),
    },
    {
      method: 'post',
      path: BASE,
      scopes: scopes('schemaWrite'),
      handle: (req, res) => {
        const { type } = typeOf(req);
        const input = parseBody(PropertyCreate, req.body);
        res.status(201).json(createProperty(catalog, type, input, ctx.now().toISOString()));
      },
    },
    {
      method: 'get',
      path: `${BASE}/:propertyName`,
      scopes: scopes('schemaRead'),
      handle: (req, res) => {
        const definition = catalog.property(typeOf(req).type, String(req.params.propertyName));
        if (!definition)
          throw notFoundError(`Unable to find property named '${req.params.propertyName}'`);
        res.json(definition);
      },
    },
  ];
}
