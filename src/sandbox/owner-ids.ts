import { cachedStatement } from './cached-statement.ts';
import type { PortalDatabase } from './portal-database.ts';

/** Ids a hubspot_owner_id value may take. */
export function ownerIds(db: PortalDatabase): Set<string> {
  const rows = cachedStatement(db, 'SELECT id FROM owners').all() as { id: number }[];
  return new Set(rows.map((row) => String(row.id)));
}
