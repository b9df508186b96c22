import type pg from 'pg';
import { isoInstant } from '../iso-instant.ts';
import { inTransaction } from './pg-client.ts';
import { lockPortalLedger } from './pg-ledger-lock.ts';

/**
 * Merges and deletions of companies in HubSpot, as the store follows them on PostgreSQL: each
 * call one transaction, each table one statement whatever the number of merged companies.
 * SQLite's merge also rebuilds the survivor's packed score series; PostgreSQL reads scores from
 * the history itself, so there is nothing to rebuild.
 *
 * Tables are written in the order the page and plays commits write them (ledger, then state,
 * digest, plays state, facts), so a merge or deletion racing a run waits for it instead of
 * deadlocking with it.
 */
export function pgCompanyMoves(pool: pg.Pool) {
  return {
    async merge(portal: string, mergedIds: readonly string[], into: string): Promise<void> {
      // Of the ids given, in their order, those that are not the survivor itself.
      const from = [...new Set(mergedIds)].filter((id) => id !== into);
      if (from.length === 0) return;
      const params = [portal, from, into];
      const ofMerged = 'portal = $1 AND company_id = ANY($2::text[])';
      await inTransaction(pool, async (tx) => {
        // In the queue of the portal's ledger writers, as SQLite's single writer would have it:
        // a plays commit touching the same entries in another order cannot deadlock with it.
        await lockPortalLedger(tx, portal);
        await tx.query(`UPDATE score_history SET company_id = $3 WHERE ${ofMerged}`, params);
        await tx.query(`UPDATE action_ledger SET company_id = $3 WHERE ${ofMerged}`, params);
        for (const table of ['company_state', 'card_digest', 'play_state', 'account_facts']) {
          await tx.query(`DELETE FROM ${table} WHERE ${ofMerged}`, [portal, from]);
        }
        await moveNpsAnswers(tx, portal, from, into);
      });
    },

    async forget(portal: string, id: string, deletedAt: string): Promise<void> {
      const at = isoInstant(deletedAt, 'deletedAt');
      const params = [portal, id, at];
      const ofCompany = 'portal = $1 AND company_id = $2';
      // Each guard re-checks a row another replica saved meanwhile: a restore evaluated after the
      // deletion keeps its later time. The digest goes with its card, so it is deleted only when
      // no state is left, in a statement of its own that sees the state delete's outcome.
      await inTransaction(pool, async (tx) => {
        await tx.query(`DELETE FROM company_state WHERE ${ofCompany} AND checked_at < $3`, params);
        await tx.query(
          `DELETE FROM card_digest WHERE ${ofCompany}
           AND NOT EXISTS (SELECT 1 FROM company_state WHERE ${ofCompany})`,
          [portal, id],
        );
        await tx.query(`DELETE FROM play_state WHERE ${ofCompany} AND evaluated_at < $3`, params);
        await tx.query(`DELETE FROM account_facts WHERE ${ofCompany} AND updated_at < $3`, params);
      });
    },
  };
}

/**
 * A merged company's NPS answers become the survivor's; an answer the survivor already has stays
 * once, and of the same answer in two merged companies the one merged first (in `from` order)
 * stays, as SQLite's company-by-company UPDATE OR IGNORE keeps it.
 */
async function moveNpsAnswers(
  tx: pg.PoolClient,
  portal: string,
  from: readonly string[],
  into: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO nps_answers (portal, contact_id, company_id, at, score)
     SELECT DISTINCT ON (contact_id, at) portal, contact_id, $3, at, score
     FROM nps_answers WHERE portal = $1 AND company_id = ANY($2::text[])
     ORDER BY contact_id, at, array_position($2::text[], company_id)
     ON CONFLICT DO NOTHING`,
    [portal, from, into],
  );
  await tx.query('DELETE FROM nps_answers WHERE portal = $1 AND company_id = ANY($2::text[])', [
    portal,
    from,
  ]);
}
