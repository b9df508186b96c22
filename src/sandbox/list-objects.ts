import type { Request, Response } from 'express';
import { LIMITS } from './batch-limits.ts';
import { objectStore } from './object-store.ts';
import type { ObjectTypeInfo } from './object-types.ts';
import type { PortalContext } from './portal-context.ts';
import { propertyCatalog } from './property-catalog.ts';
import { nameList, propertySelection } from './property-selection.ts';
import { publicObject } from './public-object.ts';
import { cursorParam, integerParam } from './query-params.ts';

function nextLink(ctx: PortalContext, req: Request, after: number): string {
  const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  query.set('after', String(after));
  return `${ctx.baseUrl()}${req.path}?${query}`;
}

/** GET /crm/v3/objects/{type}: one page in id order, read from SQLite page by page. */
export function listObjects(ctx: PortalContext, info: ObjectTypeInfo) {
  return (req: Request, res: Response): void => {
    const withHistory = nameList(req.query.propertiesWithHistory);
    const max = withHistory?.length ? LIMITS.listPageWithHistory : LIMITS.listPage;
    const limit = integerParam(req.query.limit, 'limit', 10, 1, max);
    const after = cursorParam(req.query.after);
    if (req.query.archived === 'true') {
      res.json({ results: [] });
      return;
    }
    const store = objectStore(ctx.db);
    const definitions = propertyCatalog(ctx.db).propertyMap(info.type);
    const selection = propertySelection(
      info,
      definitions,
      nameList(req.query.properties),
      withHistory,
    );
    const rows = store.page(info.type, after, limit + 1);
    const results = rows.slice(0, limit).map((row) => publicObject(store, row, selection));
    const next = rows[limit];
    if (!next) {
      res.json({ results });
      return;
    }
    const nextPage = { after: String(next.id), link: nextLink(ctx, req, next.id) };
    res.json({ results, paging: { next: nextPage } });
  };
}
