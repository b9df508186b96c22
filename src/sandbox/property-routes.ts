import type { Request } from 'express';
import { z } from 'zod';
import { createProperty, INTERNAL_NAME, PropertyCreate } from './create-property.ts';
import { objectScopes } from './object-scopes.ts';
import { objectType, type ObjectTypeInfo } from './object-types.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { propertyCatalog, type PropertyCatalog } from './property-catalog.ts';
import type { PropertyGroup } from './property-definition.ts';
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

function createGroup(catalog: PropertyCatalog, req: Request): PropertyGroup {
  const { type } = typeOf(req);
  const input = parseBody(GroupCreate, req.body);
  if (!INTERNAL_NAME.test(input.name)) {
    throw validationError(
      `Group name "${input.name}" must start with a lowercase letter and hold only lowercase letters, digits and underscores.`,
    );
  }
  if (catalog.group(type, input.name)) {
    const message = `Property group named '${input.name}' already exists.`;
    throw new SandboxHttpError(409, 'CONFLICT', message);
  }
  const group = { ...input, displayOrder: input.displayOrder ?? -1, archived: false };
  catalog.addGroup(type, group);
  return group;
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFoundError(`Unable to find ${what}`);
  return value;
}

/** Properties and property groups: read them, and create them the way setup does. */
export function propertyRoutes(ctx: PortalContext): SandboxRoute[] {
  const catalog = propertyCatalog(ctx.db);
  const read = scopes('schemaRead');
  const write = scopes('schemaWrite');
  return [
    {
      method: 'get',
      path: `${BASE}/groups`,
      scopes: read,
      handle: (req, res) => void res.json({ results: catalog.groups(typeOf(req).type) }),
    },
    {
      method: 'post',
      path: `${BASE}/groups`,
      scopes: write,
      handle: (req, res) => void res.status(201).json(createGroup(catalog, req)),
    },
    {
      method: 'get',
      path: `${BASE}/groups/:groupName`,
      scopes: read,
      handle: (req, res) => {
        const name = String(req.params.groupName);
        res.json(found(catalog.group(typeOf(req).type, name), `property group named '${name}'`));
      },
    },
    {
      method: 'get',
      path: BASE,
      scopes: read,
      handle: (req, res) => void res.json({ results: catalog.properties(typeOf(req).type) }),
    },
    {
      method: 'post',
      path: BASE,
      scopes: write,
      handle: (req, res) => {
        const input = parseBody(PropertyCreate, req.body);
        const at = ctx.now().toISOString();
        res.status(201).json(createProperty(catalog, typeOf(req).type, input, at));
      },
    },
    {
      method: 'get',
      path: `${BASE}/:propertyName`,
      scopes: read,
      handle: (req, res) => {
        const name = String(req.params.propertyName);
        res.json(found(catalog.property(typeOf(req).type, name), `property named '${name}'`));
      },
    },
  ];
}
