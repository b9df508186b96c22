import type { Request, Response } from 'express';
import { z } from 'zod';
import { objectStore, type ObjectRow } from './object-store.ts';
import type { ObjectTypeInfo } from './object-types.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { propertyCatalog } from './property-catalog.ts';
import type { PropertyDefinition } from './property-definition.ts';
import { propertySelection } from './property-selection.ts';
import { propertyValue, publicObject } from './public-object.ts';
import { validationError } from './sandbox-http-error.ts';
import { checkFilter, matchesFilter, SearchFilter } from './search-filter.ts';
import { checkSearchLimits } from './search-limits.ts';
import { searchRows, type Ordering } from './search-rows.ts';

const Sort = z.union([
  z.string(),
  z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']).optional() }),
]);

// Counts and sizes are checked by checkSearchLimits, so the answer names HubSpot's limit.
const Search = z.object({
  filterGroups: z.array(z.object({ filters: z.array(SearchFilter) })).optional(),
  sorts: z.array(Sort).optional(),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().min(0).optional(),
  after: z.union([z.string().regex(/^\d{1,9}$/), z.number().int().min(0)]).optional(),
  query: z.string().optional(),
});

type Definitions = ReadonlyMap<string, PropertyDefinition>;

/** The ORDER BY clause for one sort, built only from fixed pieces and a bound JSON path. */
function ordering(
  info: ObjectTypeInfo,
  definitions: Definitions,
  sort: z.infer<typeof Sort> | undefined,
): Ordering {
  if (sort === undefined) return { sql: 'id', params: [] };
  const spec =
    typeof sort === 'string'
      ? {
          propertyName: sort.replace(/^-/, ''),
          direction: sort.startsWith('-') ? 'DESCENDING' : 'ASCENDING',
        }
      : sort;
  const name = spec.propertyName;
  const dir = spec.direction === 'DESCENDING' ? 'DESC' : 'ASC';
  if (name === 'hs_object_id') return { sql: `id ${dir}`, params: [] };
  if (name === info.createdProperty) return { sql: `created_at ${dir}, id`, params: [] };
  if (name === info.modifiedProperty) return { sql: `updated_at ${dir}, id`, params: [] };
  const def = definitions.get(name);
  if (!def) throw validationError(`There is no property named "${name}" to sort on.`);
  const value =
    def.type === 'number'
      ? 'CAST(json_extract(properties, ?) AS REAL)'
      : 'json_extract(properties, ?)';
  return { sql: `${value} ${dir}, id`, params: [`$."${name}"`] };
}

type SearchBody = z.infer<typeof Search>;
type Groups = NonNullable<SearchBody['filterGroups']>;

/** The request, checked against HubSpot's limits before any row is read. */
function searchRequest(raw: unknown, definitions: Definitions) {
  const body = parseBody(Search, raw);
  if (body.query !== undefined) {
    throw validationError('The sandbox does not support full-text `query`; use filterGroups.');
  }
  const groups = body.filterGroups ?? [];
  const limit = body.limit ?? 10;
  const after = Number(body.after ?? 0);
  checkSearchLimits({ groups, sorts: body.sorts?.length ?? 0, limit, after });
  for (const filter of groups.flatMap((group) => group.filters)) checkFilter(filter, definitions);
  return { body, groups, limit, after };
}

/** Counts every match but keeps only the requested page in memory. */
function scan(
  rows: Iterable<ObjectRow>,
  groups: Groups,
  definitions: Definitions,
  after: number,
  limit: number,
) {
  const page: ObjectRow[] = [];
  let total = 0;
  for (const row of rows) {
    const stored = JSON.parse(row.properties) as Record<string, string>;
    const passes = (filter: SearchFilter) => {
      const value = propertyValue(row, stored, filter.propertyName);
      return matchesFilter(filter, definitions.get(filter.propertyName), value);
    };
    if (groups.length > 0 && !groups.some((group) => group.filters.every(passes))) continue;
    if (total >= after && page.length < limit) page.push(row);
    total += 1;
  }
  return { page, total };
}

/**
 * POST /crm/v3/objects/{type}/search: filters run over the rows as SQLite streams them, as the
 * search index holds them (writes of the last few seconds may not be in it yet).
 */
export function searchObjects(ctx: PortalContext, info: ObjectTypeInfo) {
  return (req: Request, res: Response): void => {
    const definitions = propertyCatalog(ctx.db).propertyMap(info.type);
    const { body, groups, limit, after } = searchRequest(req.body, definitions);
    const order = ordering(info, definitions, body.sorts?.[0]);
    const rows = searchRows(ctx, info, order);
    const { page, total } = scan(rows, groups, definitions, after, limit);
    const store = objectStore(ctx.db);
    const selection = propertySelection(info, definitions, body.properties, []);
    const results = page.map((row) => publicObject(store, row, selection));
    const next = limit > 0 && after + limit < total ? String(after + limit) : undefined;
    res.json(next ? { total, results, paging: { next: { after: next } } } : { total, results });
  };
}
