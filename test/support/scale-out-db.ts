// What the failover test reads from the shared PostgreSQL store the replicas write (runs, the
// run lease, the webhook inbox, the ledger, the play state), and from the sandbox portal's SQLite
// file (active companies, sequences, enrolments, open tasks per track; the tasks' markers come
// from webhook-kill-db.ts). Read-only.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';

export interface RunRow {
  id: string;
  status: string;
  cursor: string | null;
  pages_done: number;
  companies: number;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

const RUN_COLUMNS = 'id, status, cursor, pages_done, companies, error, started_at, finished_at';

export interface LeaseRow {
  holder: string;
  expires_at: string;
}

export interface InboxRow {
  event_id: string;
  state: string;
  attempts: number;
  error: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
}

export interface LedgerRow {
  key: string;
  company_id: string;
  rule_id: string;
  kind: string;
  status: string;
  marker: string;
  hubspot_id: string | null;
  payload: string;
  created_at: string;
}

/** One connection pool on the test's database, for the whole test. */
export function storeReader(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const rows = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await pool.query<T>(sql, params)).rows;
  return {
    /** Full runs, oldest first. */
    fullRuns: () =>
      rows<RunRow>(
        `SELECT ${RUN_COLUMNS} FROM job_runs WHERE kind = 'full' ORDER BY started_at, seq`,
      ),
    async run(id: string): Promise<RunRow | undefined> {
      const found = await rows<RunRow>(`SELECT ${RUN_COLUMNS} FROM job_runs WHERE id = $1`, [id]);
      return found[0];
    },
    async rescoreLease(): Promise<LeaseRow | undefined> {
      const found = await rows<LeaseRow>(
        `SELECT holder, expires_at::text FROM leases WHERE name = 'full-rescore'`,
      );
      return found[0];
    },
    inbox: () =>
      rows<InboxRow>(
        `SELECT event_id, state, attempts, error, claimed_by, claimed_until FROM webhook_inbox
         ORDER BY seq`,
      ),
    /** Events not settled yet: received, or failed and waiting for a retry. */
    async unsettledEvents(): Promise<number> {
      const [row] = await rows<{ n: string }>(
        `SELECT count(*) AS n FROM webhook_inbox WHERE state IN ('received', 'failed')`,
      );
      return Number(row!.n);
    },
    /** Unsettled events a drain of process `pid` holds claimed right now. */
    async claimsHeldBy(pid: number): Promise<number> {
      const [row] = await rows<{ n: string }>(
        `SELECT count(*) AS n FROM webhook_inbox
         WHERE state IN ('received', 'failed') AND claimed_by LIKE $1 AND claimed_until > $2`,
        [`%:${pid}:%`, new Date().toISOString()],
      );
      return Number(row!.n);
    },
    /** Ledger entries that make something in HubSpot: tasks and enrolments. */
    async companiesInLedger(): Promise<Set<string>> {
      const found = await rows<{ company_id: string }>(
        'SELECT DISTINCT company_id FROM action_ledger',
      );
      return new Set(found.map((row) => row.company_id));
    },
    /** Companies whose save track is open already: collapsing them opens no new episode. */
    async companiesSaving(): Promise<Set<string>> {
      const found = await rows<{ company_id: string }>(
        `SELECT company_id FROM play_state WHERE tracks IS NOT NULL AND tracks::jsonb ? 'save'`,
      );
      return new Set(found.map((row) => row.company_id));
    },
    ledger: () =>
      rows<LedgerRow>(
        `SELECT key, company_id, rule_id, kind, status, marker, hubspot_id, payload, created_at
         FROM action_ledger WHERE kind IN ('task', 'enroll') ORDER BY seq`,
      ),
    close: () => pool.end(),
  };
}

export type StoreReader = ReturnType<typeof storeReader>;

function readPortal<T>(portalDir: string, query: (db: Database.Database) => T): T {
  const db = new Database(join(portalDir, 'sandbox-portal.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

/** Paying customers (customer_status "active"), in id order: the order a pass reads them. */
export function activeCompanyIds(portalDir: string): string[] {
  return readPortal(portalDir, (db) =>
    db
      .prepare<[], { id: number }>(
        `SELECT id FROM objects WHERE type = 'companies'
         AND json_extract(properties, '$.customer_status') = 'active' ORDER BY id`,
      )
      .all()
      .map((row) => String(row.id)),
  );
}

/**
 * Open Vitals tasks (not completed) of one account's track, where there is more than one: an
 * account has one task per open track (and one manager's copy), so each of these was made twice.
 */
export function openTrackTasksTwice(portalDir: string): string[] {
  const tasks = readPortal(portalDir, (db) =>
    db
      .prepare<[], { id: number; company: number; properties: string }>(
        `SELECT o.id, a.to_id AS company, o.properties FROM objects o
         JOIN associations a ON a.from_id = o.id AND a.to_type = 'companies'
         WHERE o.type = 'tasks' ORDER BY o.id`,
      )
      .all(),
  );
  const byTrack = new Map<string, number[]>();
  for (const task of tasks) {
    const properties = JSON.parse(task.properties) as Record<string, string | undefined>;
    if (properties.hs_task_status === 'COMPLETED') continue;
    const tag = /#VitalsTask (\w+( escalation)?)/.exec(properties.hs_task_body ?? '')?.[1];
    if (!tag) continue;
    const key = `company ${task.company}, ${tag}`;
    byTrack.set(key, [...(byTrack.get(key) ?? []), task.id]);
  }
  return [...byTrack]
    .filter(([, ids]) => ids.length > 1)
    .map(([key, ids]) => `${key}: tasks ${ids.join(', ')}`);
}

/** The portal's sequences by name. */
export function portalSequenceIds(portalDir: string): Map<string, string> {
  return readPortal(
    portalDir,
    (db) =>
      new Map(
        db
          .prepare<[], { id: number; name: string }>('SELECT id, name FROM sequences')
          .all()
          .map((row) => [row.name, String(row.id)]),
      ),
  );
}

export interface PortalEnrolment {
  contactId: string;
  sequenceId: string;
}

/** Every enrolment the sandbox portal holds (`portalDir` is the dir the sandbox was given). */
export function portalEnrolments(portalDir: string): PortalEnrolment[] {
  return readPortal(portalDir, (db) =>
    db
      .prepare<[], { contact_id: number; sequence_id: number }>(
        'SELECT contact_id, sequence_id FROM enrollments ORDER BY id',
      )
      .all()
      .map((row) => ({ contactId: String(row.contact_id), sequenceId: String(row.sequence_id) })),
  );
}
