import type Database from 'better-sqlite3';
import type { PlannedAction } from '../plays/play-types.ts';
import { actionMarker } from './action-marker.ts';
import { isoInstant } from './iso-instant.ts';
import type { ActionStatus, LedgerEntry, RecordedIntent } from './store.ts';
import { StoreError } from './store-error.ts';

interface LedgerRow {
  portal: string;
  key: string;
  company_id: string;
  rule_id: string;
  episode: string;
  kind: LedgerEntry['kind'];
  owner_id: string | null;
  status: ActionStatus;
  marker: string;
  payload: string;
  hubspot_id: string | null;
  detail: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

type Settled = Exclude<ActionStatus, 'intent' | 'uncertain'>;

/** The action ledger on SQLite: synchronous, so `commitPlays` can compose it in a transaction. */
export function sqliteActionLedger(db: Database.Database, now: () => Date) {
  const sql = prepareStatements(db);
  const find = (portal: string, key: string) => sql.select.get({ portal, key });

  const recordOne = (portal: string, action: PlannedAction): RecordedIntent => {
    checkKey(action);
    const existing = find(portal, action.key);
    if (existing && existing.status !== 'held') {
      return { outcome: 'existing', entry: toEntry(existing) };
    }
    const params = { ...toParams(portal, action), now: now().toISOString() };
    (existing ? sql.release : sql.insert).run(params);
    const entry = toEntry(find(portal, action.key)!);
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
    if (changed || (row.status === status && row.hubspot_id === hubspotId)) return toEntry(row);
    throw notPending(row, status);
  };

  return {
    record: db.transaction((portal: string, actions: readonly PlannedAction[]) =>
      actions.map((action) => recordOne(portal, action)),
    ),
    settle: db.transaction((portal: string, key: string, status: Settled, value: string) => {
      const text = required(value, status === 'done' ? 'hubspotId' : 'reason');
      return status === 'done'
        ? settleOne(portal, key, status, text, null)
        : settleOne(portal, key, status, null, text);
    }),
    markUncertain: db.transaction((portal: string, key: string, why: string) => {
      const params = { portal, key, detail: required(why, 'reason'), now: now().toISOString() };
      if (sql.uncertain.run(params).changes === 1) return toEntry(find(portal, key)!);
      const row = find(portal, key);
      if (!row) throw notFound(portal, key);
      throw notPending(row, 'uncertain');
    }),
    revise: db.transaction((portal: string, key: string, action: PlannedAction) => {
      if (action.key !== key)
        throw new StoreError('invalid-input', `Action key "${action.key}" is not "${key}".`);
      const params = { ...toParams(portal, action), now: now().toISOString() };
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
      return sql.withStatus.all({ portal, status }).map(toEntry);
    },
    unfinished(portal: string): LedgerEntry[] {
      return sql.unfinished.all({ portal }).map(toEntry);
    },
    forCompany(portal: string, companyId: string): LedgerEntry[] {
      return sql.forCompany.all({ portal, companyId }).map(toEntry);
    },
    byCompany(portal: string): Map<string, LedgerEntry[]> {
      const out = new Map<string, LedgerEntry[]>();
      for (const row of sql.byCompany.iterate({ portal })) {
        let entries = out.get(row.company_id);
        if (!entries) out.set(row.company_id, (entries = []));
        entries.push(toEntry(row));
      }
      return out;
    },
    tasksDoneSince(portal: string, ownerId: string, since: string): number {
      return sql.tasksDone.get({ portal, ownerId, since: isoInstant(since, 'since') }) as number;
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
    settle: db.prepare(`UPDATE action_ledger SET status = @status, hubspot_id = @hubspotId,
      detail = @detail, updated_at = @now, done_at = CASE @status WHEN 'done' THEN @now END
      WHERE portal = @portal AND key = @key AND status IN ('intent', 'uncertain')`),
    uncertain: db.prepare(`UPDATE action_ledger SET status = 'uncertain', detail = @detail,
      updated_at = @now WHERE portal = @portal AND key = @key AND status IN ('intent', 'uncertain')`),
    unfinished: db.prepare<{ portal: string }, LedgerRow>(`
      SELECT * FROM action_ledger WHERE portal = @portal AND status IN ('intent', 'uncertain')
      ORDER BY created_at, rowid`),
    withStatus: db.prepare<{ portal: string; status: ActionStatus }, LedgerRow>(`
      SELECT * FROM action_ledger WHERE portal = @portal AND status = @status
      ORDER BY created_at, rowid`),
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
  };
}

function checkKey(action: PlannedAction): void {
  const prefix = `${action.companyId}:${action.ruleId}:${action.episode}`;
  if (action.key === prefix || action.key.startsWith(`${prefix}:`)) return;
  throw new StoreError(
    'invalid-input',
    `Action key "${action.key}" must be "${prefix}", optionally followed by ":" and a suffix.`,
  );
}

function notFound(portal: string, key: string): StoreError {
  return new StoreError('action-not-found', `Portal ${portal} has no action ${key} in its ledger.`);
}

function notPending(row: LedgerRow, status: Exclude<ActionStatus, 'intent'>): StoreError {
  const id = row.hubspot_id ? ` (HubSpot id ${row.hubspot_id})` : '';
  return new StoreError(
    'action-not-pending',
    `Action ${row.key} is ${row.status}${id}, so it cannot become ${status}: only an intent or an uncertain action can. ` +
      'To act on a held action, record it again, which releases it.',
  );
}

function required(value: string, field: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new StoreError(
    'invalid-input',
    `${field} must be a non-empty text, got ${JSON.stringify(value)}.`,
  );
}

function toParams(portal: string, action: PlannedAction) {
  return {
    portal,
    key: action.key,
    companyId: action.companyId,
    ruleId: action.ruleId,
    episode: action.episode,
    kind: action.kind,
    ownerId: action.kind === 'task' ? action.ownerId : null,
    marker: actionMarker(portal, action.key),
    payload: JSON.stringify(action),
  };
}

function toEntry(row: LedgerRow): LedgerEntry {
  return {
    portal: row.portal,
    key: row.key,
    companyId: row.company_id,
    ruleId: row.rule_id,
    episode: row.episode,
    kind: row.kind,
    ownerId: row.owner_id,
    status: row.status,
    marker: row.marker,
    action: JSON.parse(row.payload) as PlannedAction,
    hubspotId: row.hubspot_id,
    detail: row.detail,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at,
  };
}
