import type pg from 'pg';
import type { PlannedAction } from '../../plays/play-types.ts';
import { isoInstant } from '../iso-instant.ts';
import {
  checkKey,
  ledgerEntry,
  ledgerParams,
  notFound,
  notPending,
  type LedgerRow,
  type Settled,
} from '../ledger-rows.ts';
import { nonEmptyText } from '../non-empty-text.ts';
import type { ActionStatus, LedgerEntry, RecordedIntent } from '../store.ts';
import { StoreError } from '../store-error.ts';
import { inTransaction, type Queryable } from './pg-client.ts';
import { lockPortalLedger } from './pg-ledger-lock.ts';

const COLUMNS = `portal, key, company_id, rule_id, episode, kind, owner_id, status, marker,
  payload, hubspot_id, detail, created_at, updated_at, done_at`;

// Entries recorded at the same instant (one batch) keep the order they were given in: seq is
// the identity column standing in for SQLite's rowid.
const OLDEST_FIRST = 'ORDER BY created_at, seq';
const NEWEST_FIRST = 'ORDER BY created_at DESC, seq DESC';

/**
 * The action ledger on PostgreSQL. Settling is one conditional UPDATE naming the statuses it
 * moves from: under READ COMMITTED it re-checks them on a row another replica changed meanwhile,
 * so of two replicas settling one action only one wins, and the other is told what happened.
 */
export function pgActionLedger(pool: pg.Pool, now: () => Date) {
  const find = async (portal: string, key: string): Promise<LedgerRow | undefined> => {
    const { rows } = await pool.query<LedgerRow>(
      `SELECT ${COLUMNS} FROM action_ledger WHERE portal = $1 AND key = $2`,
      [portal, key],
    );
    return rows[0];
  };
  const list = async (where: string, params: unknown[], order: string) => {
    const { rows } = await pool.query<LedgerRow>(
      `SELECT ${COLUMNS} FROM action_ledger WHERE ${where} ${order}`,
      params,
    );
    return rows;
  };

  // Only an intent or an uncertain action settles; the same settlement again is a no-op, so a
  // retried call is harmless.
  const settleOne = async (
    portal: string,
    key: string,
    status: Settled,
    hubspotId: string | null,
    detail: string | null,
  ): Promise<LedgerEntry> => {
    const { rows } = await pool.query<LedgerRow>(
      // See SQLite's settle: a settled note keeps no body.
      `UPDATE action_ledger SET status = $3, hubspot_id = $4, detail = $5, updated_at = $6,
         done_at = CASE WHEN $3 = 'done' THEN $6 END,
         payload = CASE WHEN kind = 'note'
           THEN jsonb_set(payload::jsonb, '{body}', '""'::jsonb)::text ELSE payload END
       WHERE portal = $1 AND key = $2 AND status IN ('intent', 'uncertain')
       RETURNING ${COLUMNS}`,
      [portal, key, status, hubspotId, detail, now().toISOString()],
    );
    if (rows[0]) return ledgerEntry(rows[0]);
    // Read after the UPDATE, not in the same statement: its snapshot would predate the settlement
    // of a replica the UPDATE waited for.
    const row = await find(portal, key);
    if (!row) throw notFound(portal, key);
    if (row.status === status && row.hubspot_id === hubspotId) return ledgerEntry(row);
    throw notPending(row, status);
  };

  return {
    record: (portal: string, actions: readonly PlannedAction[]) =>
      inTransaction(pool, (tx) => recordIntentRows(tx, portal, actions, now().toISOString())),
    async settle(portal: string, key: string, status: Settled, value: string) {
      const text = nonEmptyText(value, status === 'done' ? 'hubspotId' : 'reason');
      return status === 'done'
        ? settleOne(portal, key, status, text, null)
        : settleOne(portal, key, status, null, text);
    },
    async markUncertain(portal: string, key: string, why: string): Promise<LedgerEntry> {
      const detail = nonEmptyText(why, 'reason');
      const { rows } = await pool.query<LedgerRow>(
        `UPDATE action_ledger SET status = 'uncertain', detail = $3, updated_at = $4
         WHERE portal = $1 AND key = $2 AND status IN ('intent', 'uncertain')
         RETURNING ${COLUMNS}`,
        [portal, key, detail, now().toISOString()],
      );
      if (rows[0]) return ledgerEntry(rows[0]);
      const row = await find(portal, key);
      if (!row) throw notFound(portal, key);
      throw notPending(row, 'uncertain');
    },
    async revise(portal: string, key: string, action: PlannedAction): Promise<void> {
      if (action.key !== key)
        throw new StoreError('invalid-input', `Action key "${action.key}" is not "${key}".`);
      const params = ledgerParams(portal, action);
      const { rowCount } = await pool.query(
        `UPDATE action_ledger SET owner_id = $3, payload = $4, updated_at = $5
         WHERE portal = $1 AND key = $2 AND status = 'held'`,
        [portal, key, params.ownerId, params.payload, now().toISOString()],
      );
      if (rowCount === 1) return;
      const row = await find(portal, key);
      if (!row) throw notFound(portal, key);
      throw new StoreError(
        'action-not-pending',
        `Action ${key} is ${row.status}; only a held action can be revised.`,
      );
    },
    async withStatus(portal: string, status: ActionStatus): Promise<LedgerEntry[]> {
      const rows = await list('portal = $1 AND status = $2', [portal, status], OLDEST_FIRST);
      return rows.map(ledgerEntry);
    },
    async unfinished(portal: string): Promise<LedgerEntry[]> {
      const rows = await list(
        `portal = $1 AND status IN ('intent', 'uncertain')`,
        [portal],
        OLDEST_FIRST,
      );
      return rows.map(ledgerEntry);
    },
    async ofRules(portal: string, companyIds: readonly string[], ruleIds: readonly string[]) {
      if (companyIds.length === 0 || ruleIds.length === 0) return [];
      const rows = await list(
        'portal = $1 AND company_id = ANY($2::text[]) AND rule_id = ANY($3::text[])',
        [portal, [...companyIds], [...ruleIds]],
        '',
      );
      return rows.map(ledgerEntry);
    },
    async has(portal: string, keys: readonly string[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const { rows } = await pool.query<{ key: string }>(
        'SELECT key FROM action_ledger WHERE portal = $1 AND key = ANY($2::text[])',
        [portal, [...keys]],
      );
      return new Set(rows.map((r) => r.key));
    },
    async forCompany(portal: string, companyId: string): Promise<LedgerEntry[]> {
      const rows = await list('portal = $1 AND company_id = $2', [portal, companyId], NEWEST_FIRST);
      return rows.map(ledgerEntry);
    },
    // In the order of action_ledger_by_company, so the rows come grouped however long the ledger.
    async byCompany(portal: string): Promise<Map<string, LedgerEntry[]>> {
      const rows = await list(
        'portal = $1',
        [portal],
        'ORDER BY company_id, created_at DESC, seq DESC',
      );
      const out = new Map<string, LedgerEntry[]>();
      for (const row of rows) {
        let entries = out.get(row.company_id);
        if (!entries) out.set(row.company_id, (entries = []));
        entries.push(ledgerEntry(row));
      }
      return out;
    },
    async tasksDoneSince(portal: string, ownerId: string, since: string): Promise<number> {
      const at = isoInstant(since, 'since');
      // Spelled out to match the partial index action_ledger_tasks_done.
      const { rows } = await pool.query<{ count: number }>(
        `SELECT COUNT(*) AS count FROM action_ledger
         WHERE kind = 'task' AND status = 'done'
           AND portal = $1 AND owner_id = $2 AND done_at >= $3`,
        [portal, ownerId, at],
      );
      return rows[0]!.count;
    },
    async portalTasksDoneSince(portal: string, since: string): Promise<number> {
      const { rows } = await pool.query<{ count: number }>(
        `SELECT COUNT(*) AS count FROM action_ledger
         WHERE kind = 'task' AND status = 'done' AND portal = $1 AND done_at >= $2`,
        [portal, isoInstant(since, 'since')],
      );
      return rows[0]!.count;
    },
  };
}

/**
 * Records planned actions in the transaction `tx`, at `at`, as SQLite does one by one: a new key
 * is written as an intent, a held one is released with the payload given now, any other is left
 * as it is; a key repeated in the batch is existing after its first time. In three statements
 * whatever the batch's size, under the portal's ledger lock (see lockPortalLedger); the INSERT …
 * ON CONFLICT keeps one row per key even so.
 */
export async function recordIntentRows(
  tx: Queryable,
  portal: string,
  actions: readonly PlannedAction[],
  at: string,
): Promise<RecordedIntent[]> {
  actions.forEach(checkKey);
  if (actions.length === 0) return [];
  await lockPortalLedger(tx, portal);
  const firsts = new Map<string, ReturnType<typeof ledgerParams>>();
  for (const action of actions) {
    if (!firsts.has(action.key)) firsts.set(action.key, ledgerParams(portal, action));
  }
  const outcomes = new Map<string, RecordedIntent>();
  const keep = (outcome: RecordedIntent['outcome'], rows: LedgerRow[]) => {
    for (const row of rows) outcomes.set(row.key, { outcome, entry: ledgerEntry(row) });
  };

  const planned = [...firsts.values()];
  const column = <K extends keyof (typeof planned)[number]>(name: K) => planned.map((p) => p[name]);
  keep(
    'new',
    (
      await tx.query<LedgerRow>(
        `INSERT INTO action_ledger (portal, key, company_id, rule_id, episode, kind, owner_id,
           status, marker, payload, created_at, updated_at)
         SELECT $1, r.key, r.company_id, r.rule_id, r.episode, r.kind, r.owner_id, 'intent',
           r.marker, r.payload, $2, $2
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::text[]) WITH ORDINALITY
           AS r(key, company_id, rule_id, episode, kind, owner_id, marker, payload, n)
         ORDER BY r.n
         ON CONFLICT (portal, key) DO NOTHING
         RETURNING ${COLUMNS}`,
        [
          portal,
          at,
          column('key'),
          column('companyId'),
          column('ruleId'),
          column('episode'),
          column('kind'),
          column('ownerId'),
          column('marker'),
          column('payload'),
        ],
      )
    ).rows,
  );

  const known = planned.filter((p) => !outcomes.has(p.key));
  if (known.length > 0) {
    keep(
      'released',
      (
        await tx.query<LedgerRow>(
          `UPDATE action_ledger SET status = 'intent', owner_id = r.new_owner_id,
             payload = r.new_payload, detail = NULL, updated_at = $2
           FROM unnest($3::text[], $4::text[], $5::text[]) AS r(wanted, new_owner_id, new_payload)
           WHERE portal = $1 AND key = r.wanted AND status = 'held'
           RETURNING ${COLUMNS}`,
          [
            portal,
            at,
            known.map((p) => p.key),
            known.map((p) => p.ownerId),
            known.map((p) => p.payload),
          ],
        )
      ).rows,
    );
  }
  const untouched = known.filter((p) => !outcomes.has(p.key)).map((p) => p.key);
  if (untouched.length > 0) {
    keep(
      'existing',
      (
        await tx.query<LedgerRow>(
          `SELECT ${COLUMNS} FROM action_ledger WHERE portal = $1 AND key = ANY($2::text[])`,
          [portal, untouched],
        )
      ).rows,
    );
  }

  const seen = new Set<string>();
  return actions.map((action) => {
    const recorded = outcomes.get(action.key)!;
    if (seen.has(action.key)) return { outcome: 'existing', entry: recorded.entry };
    seen.add(action.key);
    return recorded;
  });
}
