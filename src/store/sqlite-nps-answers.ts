import type Database from 'better-sqlite3';
import { isoInstant } from './iso-instant.ts';
import type { NpsAnswerRecord } from './store.ts';

/** Every NPS answer runs have seen, per contact and company, on SQLite: synchronous. */
export function sqliteNpsAnswers(db: Database.Database) {
  // A run reads the same answer again and again: only a new one (a later date) adds a row.
  const insert = db.prepare(`
    INSERT INTO nps_answers (portal, contact_id, at, company_id, score)
    VALUES (@portal, @contactId, @at, @companyId, @score)
    ON CONFLICT DO NOTHING`);
  // SQLite takes the other columns from the row that holds max(at).
  const latest = db
    .prepare<{ portal: string; until: string }, [string, string, number, string]>(
      `SELECT contact_id, company_id, score, max(at) FROM nps_answers
       WHERE portal = @portal AND at <= @until GROUP BY contact_id, company_id`,
    )
    .raw();
  const forgetContact = db.prepare(
    'DELETE FROM nps_answers WHERE portal = @portal AND contact_id = @contactId',
  );
  const moveTo = db.prepare(`UPDATE OR IGNORE nps_answers SET company_id = @into
    WHERE portal = @portal AND company_id = @from`);
  const dropLeft = db.prepare(
    'DELETE FROM nps_answers WHERE portal = @portal AND company_id = @from',
  );

  return {
    append: db.transaction((rows: readonly NpsAnswerRecord[]) => {
      for (const row of rows)
        insert.run({
          portal: row.portal,
          contactId: row.contactId,
          at: isoInstant(row.at, 'at'),
          companyId: row.companyId,
          score: row.score,
        });
    }),
    latest(portal: string, until: string): NpsAnswerRecord[] {
      return latest.all({ portal, until: isoInstant(until, 'until') }).map((r) => ({
        portal,
        contactId: r[0],
        companyId: r[1],
        score: r[2],
        at: r[3],
      }));
    },
    /** A merged company's answers become the survivor's (those it already has stay once). */
    merge(portal: string, from: string, into: string): void {
      moveTo.run({ portal, from, into });
      dropLeft.run({ portal, from });
    },
    forgetContact(portal: string, contactId: string): void {
      forgetContact.run({ portal, contactId });
    },
  };
}
