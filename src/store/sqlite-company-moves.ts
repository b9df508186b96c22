import type Database from 'better-sqlite3';
import { isoInstant } from './iso-instant.ts';
import type { sqliteNpsAnswers } from './sqlite-nps-answers.ts';
import type { sqliteScoreSeries } from './sqlite-score-series.ts';

/** Merges and deletions of companies in HubSpot, as the store follows them: synchronous. */
export function sqliteCompanyMoves(
  db: Database.Database,
  series: ReturnType<typeof sqliteScoreSeries>,
  nps: Pick<ReturnType<typeof sqliteNpsAnswers>, 'merge'>,
) {
  const sql = {
    history: db.prepare(
      'UPDATE score_history SET company_id = @into WHERE portal = @portal AND company_id = @from',
    ),
    ledger: db.prepare(
      'UPDATE action_ledger SET company_id = @into WHERE portal = @portal AND company_id = @from',
    ),
    state: db.prepare('DELETE FROM company_state WHERE portal = @portal AND company_id = @from'),
    plays: db.prepare('DELETE FROM play_state WHERE portal = @portal AND company_id = @from'),
    facts: db.prepare('DELETE FROM account_facts WHERE portal = @portal AND company_id = @from'),
    digest: db.prepare('DELETE FROM card_digest WHERE portal = @portal AND company_id = @from'),
    forgetState: db.prepare(`DELETE FROM company_state
      WHERE portal = @portal AND company_id = @id AND checked_at < @at`),
    forgetPlays: db.prepare(`DELETE FROM play_state
      WHERE portal = @portal AND company_id = @id AND evaluated_at < @at`),
    forgetFacts: db.prepare(`DELETE FROM account_facts
      WHERE portal = @portal AND company_id = @id AND updated_at < @at`),
    // The digest goes with its card.
    forgetDigest: db.prepare(`DELETE FROM card_digest WHERE portal = @portal AND company_id = @id
      AND NOT EXISTS (SELECT 1 FROM company_state WHERE portal = @portal AND company_id = @id)`),
  };
  return {
    merge: db.transaction((portal: string, mergedIds: readonly string[], into: string) => {
      for (const from of mergedIds) {
        if (from === into) continue;
        for (const statement of [
          sql.history,
          sql.ledger,
          sql.state,
          sql.digest,
          sql.plays,
          sql.facts,
        ])
          statement.run({ portal, from, into });
        series.remove(portal, from);
        nps.merge(portal, from, into);
      }
      series.rebuild(portal, into);
    }),
    forget: db.transaction((portal: string, id: string, deletedAt: string) => {
      const at = isoInstant(deletedAt, 'deletedAt');
      sql.forgetState.run({ portal, id, at });
      sql.forgetPlays.run({ portal, id, at });
      sql.forgetFacts.run({ portal, id, at });
      sql.forgetDigest.run({ portal, id });
    }),
  };
}
