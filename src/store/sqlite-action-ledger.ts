import type Database from 'better-sqlite3';
import type { PlannedAction } from '../plays/play-types.ts';
import { isoInstant } from './iso-instant.ts';
import {
  checkKey,
  ledgerEntry,
  ledgerParams,
  notFound,
  notPending,
  type LedgerRow,
  type Settled,
} from './ledger-rows.ts';
import { nonEmptyText } from './non-empty-text.ts';
import type { ActionStatus, LedgerEntry, RecordedIntent } from './store.ts';
import { StoreError } from './store-error.ts';

/** The action ledger on SQLite: synchronous, so `commitPlays` can compose it in a transaction. */
export function sqliteActionLedger(db: Database.Database, now: () => Date) {
  const sql = prepareStatements(db);
  const find = (portal: string, key: string) => sql.select.get({ portal, key });

  const recordOne = (portal: string, action: PlannedAction): RecordedIntent => {
    checkKey(action);
    const existing = find(portal, action.key);
    if (existing && existing.status !== 'held') {
      return { outcome: 'existing', entry: ledgerEntry(existing) };
    }
    const params = { ...ledgerParams(portal, action), now: now().toISOString() };
    (existing ? sql.release : sql.insert).run(params);
    const entry = ledgerEntry(find(portal, action.key)!);
    return { outcome: existing ? 'released' : 'new', entry };
  };

  // Only an intent or an uncertain action settles; the same settlement again is a no-op, so a
  // retried call is harmless.
  const settleOne = (
    portal: string,
    key: string,
    status: Settled,
    hubspotId: string | null,
    detail: string | null,
  ): LedgerEntry => {
    const params = { portal, key, status, hubspotId, detail, now: now().toISOString() };
    const changed = sql.settle.run(params).changes === 1;
    const row = find(portal, key);
    if (!row) throw notFound(portal, key);
    if (changed || (row.status === status && row.hubspot_id === hubspotId)) return ledgerEntry(row);
    throw notPending(row, status);
  };

  return {
    record: db.transaction((portal: string, actions: readonly PlannedAction[]) =>
      actions.map((action) => recordOne(portal, action)),
    ),
    settle: db.transaction((portal: string, key: string, status: Settled, value: string) => {
      const text = nonEmptyText(value, status === 'done' ? 'hubspotId' : 'reason');
      return status === 'done'
        ? settleOne(portal, key, status, text, null)
        : settleOne(portal, key, status, null, text);
    }),
    markUncertain: db.transaction((portal: string, key: string, why: string) => {
      const params = { portal, key, detail: nonEmptyText(why, 'reason'), now: now().toISOString() };
      if (sql.uncertain.run(params).changes === 1) return ledgerEntry(find(portal, key)!);
      const row = find(portal, key);
      if (!row) throw notFound(portal, key);
      throw notPending(row, 'uncertain');
    }),
    revise: db.transaction((portal: string, key: string, action: PlannedAction) => {
      if (action.key !== key)
        throw new StoreError('invalid-input', `Action key "${action.key}" is not "${key}".`);
      const params = { ...ledgerParams(portal, action), now: now().toISOString() };
      if (sql.revise.run(params).changes !== 1) {
        const row = find(portal, key);
        if (!row) throw notFound(portal, key);
        throw new StoreError(
          'action-not-pending',
          `Action ${key} is ${row.status}; only a held action can be revised.`,
        );
      }
    }),
    withStatus(portal: string, status: ActionStatus): LedgerEntry[] {
      return sql.withStatus.all({ portal, status }).map(ledgerEntry);
    },
    unfinished(portal: string): LedgerEntry[] {
      return sql.unfinished.all({ portal }).map(ledgerEntry);
    },
    forCompany(portal: string, companyId: string): LedgerEntry[] {
      return sql.forCompany.all({ portal, companyId }).map(ledgerEntry);
    },
    ofRules(portal: string, companyIds: readonly string[], ruleIds: readonly string[]) {
      if (companyIds.length === 0 || ruleIds.length === 0) return [];
      return sql.ofRules
        .all({ portal, ids: JSON.stringify(companyIds), rules: JSON.stringify(ruleIds) })
        .map(ledgerEntry);
    },
    has(portal: string, keys: readonly string[]): Set<string> {
      const found = new Set<string>();
      for (const key of keys) if (sql.hasKey.get({ portal, key }) !== undefined) found.add(key);
      return found;
    },
    byCompany(portal: string): Map<string, LedgerEntry[]> {
      const out = new Map<string, LedgerEntry[]>();
      for (const row of sql.byCompany.iterate({ portal })) {
        let entries = out.get(row.company_id);
        if (!entries) out.set(row.company_id, (entries = []));
        entries.push(ledgerEntry(row));
      }
      return out;
    },
    tasksDoneSince(portal: string, ownerId: string, since: string): number {
      return sql.tasksDone.get({ portal, ownerId, since: isoInstant(since, 'since') }) as number;
    },
    portalTasksDoneSince(portal: string, since: string): number {
      return sql.portalTasksDone.get({ portal, since: isoInstant(since, 'since') }) as number;
    },
  };
}

function prepareStatements(db: Database.Database) {
  return {
    select: db.prepare<{ portal: string; key: string }, LedgerRow>(
      'SELECT * FROM action_ledger WHERE portal = @portal AND key = @key',
    ),
    insert: db.prepare(`INSERT INTO action_ledger
      (portal, key, company_id, rule_id, episode, kind, owner_id, status, marker, payload,
       created_at, updated_at)
      VALUES (@portal, @key, @companyId, @ruleId, @episode, @kind, @ownerId, 'intent', @marker,
       @payload, @now, @now)`),
    release: db.prepare(`UPDATE action_ledger SET status = 'intent', owner_id = @ownerId,
      payload = @payload, detail = NULL, updated_at = @now
      WHERE portal = @portal AND key = @key AND status = 'held'`),
    revise: db.prepare(`UPDATE action_ledger SET owner_id = @ownerId, payload = @payload,
      updated_at = @now WHERE portal = @portal AND key = @key AND status = 'held'`),
    // A settled note keeps no body: HubSpot has it (or it was refused), and a year of briefs
    // would otherwise weigh gigabytes in the ledger.
    settle: db.prepare(`UPDATE action_ledger SET status = @status, hubspot_id = @hubspotId,
      detail = @detail, updated_at = @now, done_at = CASE @status WHEN 'done' THEN @now END,
      payload = CASE kind WHEN 'note' THEN json_set(payload, '$.body', '') ELSE payload END
      WHERE portal = @portal AND key = @key AND status IN ('intent', 'uncertain')`),
    uncertain: db.prepare(`UPDATE action_ledger SET status = 'uncertain', detail = @detail,
      updated_at = @now WHERE portal = @portal AND key = @key AND status IN ('intent', 'uncertain')`),
    unfinished: db.prepare<{ portal: string }, LedgerRow>(`
      SELECT * FROM action_ledger WHERE portal = @portal AND status IN ('intent', 'uncertain')
      ORDER BY created_at, rowid`),
    withStatus: db.prepare<{ portal: string; status: ActionStatus }, LedgerRow>(`
      SELECT * FROM action_ledger WHERE portal = @portal AND status = @status
      ORDER BY created_at, rowid`),
    // One probe of action_ledger_by_company per company.
    ofRules: db.prepare<{ portal: string; ids: string; rules: string }, LedgerRow>(`
      SELECT l.* FROM json_each(@ids) AS c
      JOIN action_ledger AS l ON l.portal = @portal AND l.company_id = c.value
      WHERE l.rule_id IN (SELECT value FROM json_each(@rules))`),
    hasKey: db.prepare<{ portal: string; key: string }, { one: number }>(
      'SELECT 1 AS one FROM action_ledger WHERE portal = @portal AND key = @key',
    ),
    forCompany: db.prepare<{ portal: string; companyId: string }, LedgerRow>(`
      SELECT * FROM action_ledger WHERE portal = @portal AND company_id = @companyId
      ORDER BY created_at DESC, rowid DESC`),
    // In the order of action_ledger_by_company, so nothing is sorted however long the ledger.
    byCompany: db.prepare<{ portal: string }, LedgerRow>(`
      SELECT * FROM action_ledger WHERE portal = @portal
      ORDER BY company_id, created_at DESC, rowid DESC`),
    // Spelled out to match the partial index action_ledger_tasks_done.
    tasksDone: db
      .prepare<{ portal: string; ownerId: string; since: string }>(
        `
      SELECT COUNT(*) FROM action_ledger
      WHERE kind = 'task' AND status = 'done'
        AND portal = @portal AND owner_id = @ownerId AND done_at >= @since`,
      )
      .pluck(),
    portalTasksDone: db
      .prepare<{ portal: string; since: string }>(
        `
      SELECT COUNT(*) FROM action_ledger
      WHERE kind = 'task' AND status = 'done' AND portal = @portal AND done_at >= @since`,
      )
      .pluck(),
  };
}
