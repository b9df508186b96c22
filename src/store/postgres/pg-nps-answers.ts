import { isoInstant } from '../iso-instant.ts';
import type { NpsAnswerRecord } from '../store.ts';
import type { Queryable } from './pg-client.ts';
import { inLockOrder } from './pg-lock-order.ts';

/** Keeps each NPS answer once: a run reads the same answer again and again. */
export async function appendNpsRows(q: Queryable, rows: readonly NpsAnswerRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const params = rows.map((r) => ({
    portal: r.portal,
    contact_id: r.contactId,
    company_id: r.companyId,
    at: isoInstant(r.at, 'at'),
    score: r.score,
  }));
  await q.query(
    `INSERT INTO nps_answers (portal, contact_id, company_id, at, score)
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS r(portal text, contact_id text, company_id text, at text, score double precision)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(inLockOrder(params, (r) => [r.portal, r.contact_id, r.company_id, r.at]))],
  );
}

/**
 * Each contact's latest answer given at or before `until`, once per company it was read on. The
 * primary key (portal, contact_id, company_id, at) read backwards hands each pair's latest answer
 * first, so the server keeps it and skips the rest without sorting anything; the rows are turned
 * back to key order here, as SQLite gives them.
 */
export async function latestNpsRows(
  q: Queryable,
  portal: string,
  until: string,
): Promise<NpsAnswerRecord[]> {
  const { rows } = await q.query<[string, string, number, string]>({
    text: `SELECT DISTINCT ON (contact_id, company_id) contact_id, company_id, score, at
           FROM nps_answers WHERE portal = $1 AND at <= $2
           ORDER BY contact_id DESC, company_id DESC, at DESC`,
    values: [portal, isoInstant(until, 'until')],
    rowMode: 'array',
  });
  const answers: NpsAnswerRecord[] = new Array(rows.length);
  for (let i = 0, last = rows.length - 1; i <= last; i++) {
    const [contactId, companyId, score, at] = rows[last - i]!;
    answers[i] = { portal, contactId, companyId, score, at };
  }
  return answers;
}
