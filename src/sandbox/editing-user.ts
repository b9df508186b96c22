import { cachedStatement } from './cached-statement.ts';
import type { PortalDatabase } from './portal-database.ts';

/** The portal's first user: HubSpot names a person's edit `userId:<id>` in history and events. */
export function editingUser(db: PortalDatabase): string {
  const row = cachedStatement(
    db,
    'SELECT user_id AS userId FROM owners ORDER BY id LIMIT 1',
  ).get() as { userId: number } | undefined;
  return `userId:${row?.userId ?? 0}`;
}
