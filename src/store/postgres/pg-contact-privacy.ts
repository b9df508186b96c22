import type pg from 'pg';
import type { PlannedAction } from '../../plays/play-types.ts';
import { inTransaction } from './pg-client.ts';
import { lockPortalLedger } from './pg-ledger-lock.ts';

interface Row {
  key: string;
  payload: string;
  detail: string | null;
}

const FORGOTTEN = 'deleted';
const DETAIL = 'About a contact since deleted from HubSpot for privacy.';

/**
 * A contact deleted for privacy, on PostgreSQL: the ledger keeps its entries (counts and
 * exactly-once stay) but no longer the contact's id in what was planned, nor a reason that may
 * name them; their NPS answers go. One transaction; answers how many ledger entries changed.
 */
export function pgContactPrivacy(pool: pg.Pool) {
  return (portal: string, contactId: string): Promise<number> =>
    inTransaction(pool, async (tx) => {
      // A ledger writer like recording intents (which read entries before writing them), so in
      // their queue: neither writes an entry from a reading the other has since changed.
      await lockPortalLedger(tx, portal);
      await tx.query('DELETE FROM nps_answers WHERE portal = $1 AND contact_id = $2', [
        portal,
        contactId,
      ]);
      // Rewritten from what is read here: FOR UPDATE also holds the entries against the writers
      // outside that queue (settling an action sets its detail) until the commit.
      const { rows } = await tx.query<Row>(
        `SELECT key, payload, detail FROM action_ledger
         WHERE portal = $1 AND kind IN ('task', 'enroll') AND strpos(payload, $2) > 0
         FOR UPDATE`,
        [portal, JSON.stringify(contactId)],
      );
      const changes = rows.flatMap((row) => withoutContact(row, contactId) ?? []);
      if (changes.length === 0) return 0;
      await tx.query(
        `UPDATE action_ledger AS l SET payload = c.payload, detail = c.detail
         FROM unnest($2::text[], $3::text[], $4::text[]) AS c(key, payload, detail)
         WHERE l.portal = $1 AND l.key = c.key`,
        [
          portal,
          changes.map((c) => c.key),
          changes.map((c) => c.payload),
          changes.map((c) => c.detail),
        ],
      );
      return changes.length;
    });
}

/** The entry rewritten without the contact, or null when its planned action does not name them. */
function withoutContact(row: Row, contactId: string): Row | null {
  const action = JSON.parse(row.payload) as PlannedAction;
  if (action.kind === 'enroll' && action.contactId === contactId) {
    action.contactId = FORGOTTEN;
    action.skip = action.skip === null ? null : DETAIL;
  } else if (action.kind === 'task' && action.contactIds.includes(contactId)) {
    action.contactIds = action.contactIds.filter((id) => id !== contactId);
  } else return null;
  const detail = action.kind === 'enroll' && row.detail !== null ? DETAIL : row.detail;
  return { key: row.key, payload: JSON.stringify(action), detail };
}
