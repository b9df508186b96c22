import type Database from 'better-sqlite3';
import type { PlannedAction } from '../plays/play-types.ts';
import type { sqliteNpsAnswers } from './sqlite-nps-answers.ts';

interface Row {
  key: string;
  payload: string;
  detail: string | null;
}

const FORGOTTEN = 'deleted';
const DETAIL = 'About a contact since deleted from HubSpot for privacy.';

/**
 * A contact deleted for privacy: the ledger keeps its entries (counts and exactly-once stay) but
 * no longer the contact's id in what was planned, nor a reason that may name them; their NPS
 * answers go.
 */
export function sqliteContactPrivacy(
  db: Database.Database,
  nps: Pick<ReturnType<typeof sqliteNpsAnswers>, 'forgetContact'>,
) {
  const candidates = db.prepare<{ portal: string; like: string }, Row>(`
    SELECT key, payload, detail FROM action_ledger
    WHERE portal = @portal AND kind IN ('task', 'enroll') AND payload LIKE @like`);
  const update = db.prepare(`UPDATE action_ledger SET payload = @payload, detail = @detail
    WHERE portal = @portal AND key = @key`);
  return db.transaction((portal: string, contactId: string): number => {
    nps.forgetContact(portal, contactId);
    let changed = 0;
    for (const row of candidates.all({ portal, like: `%"${contactId}"%` })) {
      const action = JSON.parse(row.payload) as PlannedAction;
      if (action.kind === 'enroll' && action.contactId === contactId) {
        action.contactId = FORGOTTEN;
        action.skip = action.skip === null ? null : DETAIL;
      } else if (action.kind === 'task' && action.contactIds.includes(contactId)) {
        action.contactIds = action.contactIds.filter((id) => id !== contactId);
      } else continue;
      const detail = action.kind === 'enroll' && row.detail !== null ? DETAIL : row.detail;
      update.run({ portal, key: row.key, payload: JSON.stringify(action), detail });
      changed += 1;
    }
    return changed;
  });
}
