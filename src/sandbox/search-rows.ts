import { cachedStatement } from './cached-statement.ts';
import { laggingSearchRows } from './lagging-search-rows.ts';
import type { ObjectRow } from './object-store.ts';
import type { ObjectTypeInfo } from './object-types.ts';
import type { PortalContext } from './portal-context.ts';

/** An ORDER BY clause over the columns id, created_at, updated_at and properties. */
export interface Ordering {
  sql: string;
  params: string[];
}

const COLUMNS = 'id, type, properties, created_at, updated_at';

/**
 * The records of one type as HubSpot's search index holds them now, streamed in `order`:
 * recent writes are not in it yet (see laggingSearchRows), so a record created moments ago is
 * missing and one updated moments ago still has its earlier values.
 */
export function searchRows(
  ctx: PortalContext,
  info: ObjectTypeInfo,
  order: Ordering,
): IterableIterator<ObjectRow> {
  const lagging = laggingSearchRows(ctx.db, info.type, ctx.searchIndexLag, ctx.now().getTime());
  if (lagging.size === 0) {
    const sql = `SELECT ${COLUMNS} FROM objects WHERE type = ? ORDER BY ${order.sql}`;
    return cachedStatement(ctx.db, sql).iterate(
      info.type,
      ...order.params,
    ) as IterableIterator<ObjectRow>;
  }
  const indexed = JSON.stringify(
    [...lagging].map(([id, row]) =>
      row.hidden
        ? { id, hidden: 1 }
        : { id, hidden: 0, properties: row.properties, updatedAt: row.updatedAt },
    ),
  );
  const sql = `WITH lagging AS (
      SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.hidden') AS hidden,
        json_extract(value, '$.properties') AS properties, json_extract(value, '$.updatedAt') AS updated_at
      FROM json_each(?)
    )
    SELECT ${COLUMNS} FROM (
      SELECT o.id AS id, o.type AS type, COALESCE(l.properties, o.properties) AS properties,
        o.created_at AS created_at, COALESCE(l.updated_at, o.updated_at) AS updated_at
      FROM objects o LEFT JOIN lagging l ON l.id = o.id
      WHERE o.type = ? AND l.hidden IS NOT 1
    ) ORDER BY ${order.sql}`;
  return cachedStatement(ctx.db, sql).iterate(
    indexed,
    info.type,
    ...order.params,
  ) as IterableIterator<ObjectRow>;
}
