import { cachedStatement } from './cached-statement.ts';
import { objectStore } from './object-store.ts';
import { ownerIds } from './owner-ids.ts';
import type { PortalDatabase } from './portal-database.ts';
import { propertyCatalog } from './property-catalog.ts';
import { validatePropertyValues, type ValueIssue } from './validate-property-values.ts';
import { liveWebhookLease, type WebhookLease } from './webhook-lease.ts';

export interface PropertyEdit {
  name: string;
  before: string | null;
  after: string | null;
}

export type UserEditOutcome =
  | { kind: 'not-found' }
  | { kind: 'invalid'; issues: ValueIssue[] }
  | {
      kind: 'saved';
      /** Every property asked for; `before === after` ones were left alone (no event). */
      edits: PropertyEdit[];
      /** The sandbox process delivering this portal's webhooks now; none when none runs. */
      deliverer: WebhookLease | undefined;
    };

/** The portal's first user: HubSpot names a person's edit `userId:<id>` in history and events. */
function editingUser(db: PortalDatabase): string {
  const row = cachedStatement(
    db,
    'SELECT user_id AS userId FROM owners ORDER BY id LIMIT 1',
  ).get() as { userId: number } | undefined;
  return `userId:${row?.userId ?? 0}`;
}

/**
 * Writes company properties as a person editing the record in HubSpot would: history and
 * webhook events say CRM_UI. It writes the portal file directly, whether or not a sandbox
 * runs; a running sandbox that holds the webhook lease reads the change from property_history
 * at its next gather and delivers it, so the caller only has to say whether one does.
 */
export function editCompanyAsUser(
  db: PortalDatabase,
  companyId: number,
  values: Record<string, string>,
  now: Date,
): UserEditOutcome {
  const store = objectStore(db);
  const row = store.find('companies', companyId);
  if (!row) return { kind: 'not-found' };
  const check = { definitions: propertyCatalog(db).propertyMap('companies'), owners: ownerIds(db) };
  const { values: normalized, issues } = validatePropertyValues(check, values);
  if (issues.length > 0) return { kind: 'invalid', issues };
  const stored = JSON.parse(row.properties) as Record<string, string>;
  const edits = Object.entries(normalized).map(([name, after]) => ({
    name,
    before: stored[name] ?? null,
    after,
  }));
  db.transaction(() => {
    store.update(row, normalized, now.toISOString(), editingUser(db), 'CRM_UI');
  })();
  return { kind: 'saved', edits, deliverer: liveWebhookLease(db, now.getTime()) };
}
