import type { Statement } from 'better-sqlite3';
import type { PortalDatabase } from './portal-database.ts';

const caches = new WeakMap<PortalDatabase, Map<string, Statement>>();

/** A prepared statement, prepared once per database and reused by every request. */
export function cachedStatement(db: PortalDatabase, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
