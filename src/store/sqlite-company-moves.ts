import type Database from 'better-sqlite3';
import { isoInstant } from './iso-instant.ts';

/** Merges and deletions of companies in HubSpot, as the store follows them: synchronous. */
export function sqliteCompanyMoves(db: Database.Database) {
  const sql = {
    history: db.prepare(
      'UPDATE score_history SET company_id = @into WHERE portal = @portal AND company_id = @from',
    ),
    ledger: db.prepare(
      'UPDATE action_ledger SET company_id = @into WHERE portal = @portal AND company_id = @from',
    ),
    state: db.prepare('DELETE FROM company_state WHERE portal = @portal AND company_id = @from'),
    plays: db.prepare('DELETE FROM play_state WHERE portal = @portal AND company_id = @from'),
    forgetState: db.prepare(`DELETE FROM company_state
      WHERE portal = @portal AND company_id = @id AND checked_at < @at`),
    forgetPlays: db.prepare(`DELETE FROM play_state
      WHERE portal = @portal AND company_id = @id AND evaluated_at < @at`),
  };
  return {
    merge: db.transaction((portal: string, mergedIds: readonly string[], into: string) => {
      for (const from of mergedIds) {
        if (from === into) continue;
        for (const statement of [sql.history, sql.ledger, sql.state, sql.plays])
          statement.run({ portal, from, into });
      }
    }),
    forget: db.transaction((portal: string, id: string, deletedAt: string) => {
      const at = isoInstant(deletedAt, 'deletedAt');
      sql.forgetState.run({ portal, id, at });
      sql.forgetPlays.run({ portal, id, at });
    }),
  };
}
