// What the webhook kill test reads from the SQLite files a `vitals serve` child writes: the
// store's inbox and ledger, and the sandbox portal's companies and tasks. Read-only, opened per
// read, so the test never holds a lock the child waits on; the one write (making accounts
// collapse) happens while no process has the portal open.
import Database from 'better-sqlite3';
import { join } from 'node:path';

/** The store of `vitals` in a data dir, and the sandbox portal beside it. */
const storeFile = (dataDir: string) => join(dataDir, 'vitals.sqlite');
const portalFile = (dataDir: string) => join(dataDir, 'sandbox', 'sandbox-portal.sqlite');

function read<T>(file: string, query: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return query(db);
  } finally {
    db.close();
  }
}

/** The sandbox portal's company ids, in id order. */
export function portalCompanyIds(dataDir: string): string[] {
  return read(portalFile(dataDir), (db) =>
    db
      .prepare<[], { id: number }>(`SELECT id FROM objects WHERE type = 'companies' ORDER BY id`)
      .all()
      .map((row) => String(row.id)),
  );
}

/**
 * Paying customers (customer_status "active") the ledger holds nothing for yet: a play they
 * start now is a new one. Churned accounts are left out: they open no save playbook.
 */
export function activeCompaniesWithoutPlays(dataDir: string): string[] {
  const busy = new Set(
    read(storeFile(dataDir), (db) =>
      db
        .prepare<[], { company_id: string }>(`SELECT DISTINCT company_id FROM action_ledger`)
        .all()
        .map((row) => row.company_id),
    ),
  );
  return read(portalFile(dataDir), (db) =>
    db
      .prepare<[], { id: number }>(
        `SELECT id FROM objects WHERE type = 'companies'
         AND json_extract(properties, '$.customer_status') = 'active' ORDER BY id`,
      )
      .all()
      .map((row) => String(row.id))
      .filter((id) => !busy.has(id)),
  );
}

/**
 * Writes what a bad month leaves in HubSpot (plays-world.ts `collapse`) straight into the
 * portal's rows, so the next rescore of these companies opens their save playbook and creates a
 * task. Only while no process has the portal open.
 */
export function collapseInPortal(dataDir: string, ids: readonly string[]): void {
  const db = new Database(portalFile(dataDir), { fileMustExist: true });
  try {
    const update = db.prepare(`UPDATE objects SET properties = json_set(properties,
      '$.product_login_pct_of_baseline', '5', '$.product_core_features_adopted', '0',
      '$.product_usage_depth', 'basic', '$.avg_reply_time_days', '9',
      '$.checkin_attendance', 'never', '$.proactive_requests', 'never',
      '$.payment_status', 'failed_unresolved', '$.contract_value_trend', 'contracting',
      '$.last_sentiment', 'negative', '$.goal_status', 'behind', '$.roi_status', 'negative'),
      updated_at = ? WHERE type = 'companies' AND id = ?`);
    const at = new Date().toISOString();
    db.transaction(() => {
      for (const id of ids) {
        if (update.run(at, Number(id)).changes !== 1)
          throw new Error(`The portal has no company ${id}.`);
      }
    })();
  } finally {
    db.close();
  }
}

export interface InboxRow {
  event_id: string;
  state: string;
  attempts: number;
  error: string | null;
}

export function inboxRows(dataDir: string): InboxRow[] {
  return read(storeFile(dataDir), (db) =>
    db
      .prepare<[], InboxRow>(
        `SELECT event_id, state, attempts, error FROM webhook_inbox WHERE portal = 'sandbox'`,
      )
      .all(),
  );
}

/** Events the worker has still to settle: received, or failed and waiting for a retry. */
export function unsettledEvents(dataDir: string): number {
  return read(
    storeFile(dataDir),
    (db) =>
      db
        .prepare<[], { n: number }>(
          `SELECT COUNT(*) AS n FROM webhook_inbox WHERE state IN ('received', 'failed')`,
        )
        .get()!.n,
  );
}

export interface LedgerTask {
  key: string;
  company_id: string;
  rule_id: string;
  status: string;
  marker: string;
  hubspot_id: string | null;
  detail: string | null;
}

/** The ledger's task entries (creations; task updates are kind 'task-update'). */
export function ledgerTasks(dataDir: string): LedgerTask[] {
  return read(storeFile(dataDir), (db) =>
    db
      .prepare<[], LedgerTask>(
        `SELECT key, company_id, rule_id, status, marker, hubspot_id, detail FROM action_ledger
         WHERE portal = 'sandbox' AND kind = 'task' ORDER BY created_at, rowid`,
      )
      .all(),
  );
}

/** Task entries recorded as intents and not settled yet: tasks on their way to the portal. */
export function openTaskIntents(dataDir: string): number {
  return read(
    storeFile(dataDir),
    (db) =>
      db
        .prepare<[], { n: number }>(
          `SELECT COUNT(*) AS n FROM action_ledger
           WHERE portal = 'sandbox' AND status = 'intent' AND kind = 'task'`,
        )
        .get()!.n,
  );
}

export interface PortalTask {
  id: string;
  /** The ledger marker its body carries ("Ref: vt…"); null for a task Vitals did not make. */
  marker: string | null;
}

/** Every task the sandbox portal holds, as HubSpot would list them. */
export function portalTasks(dataDir: string): PortalTask[] {
  return read(portalFile(dataDir), (db) =>
    db
      .prepare<[], { id: number; properties: string }>(
        `SELECT id, properties FROM objects WHERE type = 'tasks' ORDER BY id`,
      )
      .all()
      .map((row) => {
        const body = (JSON.parse(row.properties) as { hs_task_body?: string }).hs_task_body;
        return { id: String(row.id), marker: body?.match(/Ref: (vt[0-9a-f]+)/)?.[1] ?? null };
      }),
  );
}
