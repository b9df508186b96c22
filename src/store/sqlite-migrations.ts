export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The SQLite schema, one migration per concern. Append new ones; never edit one that has shipped,
 * because databases that already ran it will not run it again.
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'score history',
    sql: `
      CREATE TABLE score_history (
        id INTEGER PRIMARY KEY,
        portal TEXT NOT NULL,
        company_id TEXT NOT NULL,
        scored_at TEXT NOT NULL,
        score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 100),
        tier TEXT NOT NULL,
        coverage REAL NOT NULL CHECK (coverage BETWEEN 0 AND 100),
        dimensions TEXT NOT NULL,
        model_name TEXT NOT NULL,
        model_version TEXT NOT NULL,
        top_drivers TEXT NOT NULL
      ) STRICT;
      CREATE INDEX score_history_by_company ON score_history (portal, company_id, scored_at);
    `,
  },
  {
    version: 2,
    name: 'company state',
    sql: `
      CREATE TABLE company_state (
        portal TEXT NOT NULL,
        company_id TEXT NOT NULL,
        properties TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        PRIMARY KEY (portal, company_id)
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'job runs',
    sql: `
      CREATE TABLE job_runs (
        id TEXT PRIMARY KEY,
        portal TEXT NOT NULL,
        kind TEXT NOT NULL,
        source TEXT NOT NULL,
        dry_run INTEGER NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT,
        error TEXT,
        cursor TEXT,
        pages_done INTEGER NOT NULL DEFAULT 0,
        companies INTEGER NOT NULL DEFAULT 0,
        scored INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        api_calls TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX job_runs_by_portal ON job_runs (portal, kind, dry_run, started_at);
    `,
  },
  {
    version: 4,
    name: 'leases',
    sql: `
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'action ledger',
    sql: `
      CREATE TABLE action_ledger (
        portal TEXT NOT NULL,
        key TEXT NOT NULL,
        company_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        episode TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('task', 'enroll', 'property')),
        owner_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('intent', 'done', 'skipped', 'held', 'failed')),
        marker TEXT NOT NULL,
        payload TEXT NOT NULL,
        hubspot_id TEXT,
        detail TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        done_at TEXT,
        PRIMARY KEY (portal, key)
      ) STRICT;
      CREATE INDEX action_ledger_by_company ON action_ledger (portal, company_id, created_at);
      CREATE INDEX action_ledger_by_status ON action_ledger (portal, status, created_at);
      CREATE INDEX action_ledger_tasks_done ON action_ledger (portal, owner_id, done_at)
        WHERE kind = 'task' AND status = 'done';
    `,
  },
  {
    version: 6,
    name: 'play state',
    sql: `
      CREATE TABLE play_state (
        portal TEXT NOT NULL,
        company_id TEXT NOT NULL,
        active_rules TEXT NOT NULL,
        evaluated_at TEXT NOT NULL,
        PRIMARY KEY (portal, company_id)
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'run portfolio',
    sql: `ALTER TABLE job_runs ADD COLUMN portfolio TEXT;`,
  },
  {
    version: 8,
    name: 'company card',
    sql: `ALTER TABLE company_state ADD COLUMN card TEXT;`,
  },
  {
    version: 9,
    name: 'play tracks',
    // SQLite cannot change a CHECK constraint in place: the ledger is copied into a new table.
    sql: `
      ALTER TABLE play_state ADD COLUMN tracks TEXT;
      ALTER TABLE play_state ADD COLUMN readings TEXT;
      CREATE TABLE portal_flags (
        portal TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (portal, name)
      ) STRICT;
      INSERT INTO portal_flags (portal, name, value)
        SELECT DISTINCT portal, 'plays-baseline', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM play_state;
      CREATE TABLE action_ledger_v9 (
        portal TEXT NOT NULL,
        key TEXT NOT NULL,
        company_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        episode TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('task', 'task-update', 'enroll', 'property')),
        owner_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('intent', 'done', 'skipped', 'held', 'failed')),
        marker TEXT NOT NULL,
        payload TEXT NOT NULL,
        hubspot_id TEXT,
        detail TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        done_at TEXT,
        PRIMARY KEY (portal, key)
      ) STRICT;
      INSERT INTO action_ledger_v9 SELECT * FROM action_ledger;
      DROP TABLE action_ledger;
      ALTER TABLE action_ledger_v9 RENAME TO action_ledger;
      CREATE INDEX action_ledger_by_company ON action_ledger (portal, company_id, created_at);
      CREATE INDEX action_ledger_by_status ON action_ledger (portal, status, created_at);
      CREATE INDEX action_ledger_tasks_done ON action_ledger (portal, owner_id, done_at)
        WHERE kind = 'task' AND status = 'done';
    `,
  },
  {
    version: 10,
    name: 'webhook inbox',
    // The partial index holds only what may still need processing, so pendingEvents stays fast
    // however many settled events pile up.
    sql: `
      CREATE TABLE webhook_inbox (
        portal TEXT NOT NULL,
        event_id TEXT NOT NULL,
        subscription_type TEXT NOT NULL,
        object_id TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        state TEXT NOT NULL
          CHECK (state IN ('received', 'processed', 'ignored', 'failed', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        error TEXT,
        payload TEXT NOT NULL,
        received_at TEXT NOT NULL,
        next_attempt_at TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (portal, event_id)
      ) STRICT;
      CREATE INDEX webhook_inbox_pending ON webhook_inbox (portal, received_at)
        WHERE state IN ('received', 'failed');
      CREATE INDEX webhook_inbox_by_state ON webhook_inbox (portal, state, received_at);
      CREATE INDEX webhook_inbox_recent ON webhook_inbox (portal, received_at);
    `,
  },
  {
    version: 11,
    name: 'uncertain actions',
    // A create or enrolment HubSpot answered with a 5xx may or may not have happened: it waits as
    // 'uncertain' until a run looks for it. Copied into a new table for the CHECK, as in 9.
    sql: `
      CREATE TABLE action_ledger_v11 (
        portal TEXT NOT NULL,
        key TEXT NOT NULL,
        company_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        episode TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('task', 'task-update', 'enroll', 'property')),
        owner_id TEXT,
        status TEXT NOT NULL
          CHECK (status IN ('intent', 'uncertain', 'done', 'skipped', 'held', 'failed')),
        marker TEXT NOT NULL,
        payload TEXT NOT NULL,
        hubspot_id TEXT,
        detail TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        done_at TEXT,
        PRIMARY KEY (portal, key)
      ) STRICT;
      INSERT INTO action_ledger_v11 SELECT * FROM action_ledger;
      DROP TABLE action_ledger;
      ALTER TABLE action_ledger_v11 RENAME TO action_ledger;
      CREATE INDEX action_ledger_by_company ON action_ledger (portal, company_id, created_at);
      CREATE INDEX action_ledger_by_status ON action_ledger (portal, status, created_at);
      CREATE INDEX action_ledger_tasks_done ON action_ledger (portal, owner_id, done_at)
        WHERE kind = 'task' AND status = 'done';
    `,
  },
  {
    version: 12,
    name: 'portfolio reports',
    // The reports read the whole book at once, so what they read is kept ready for it:
    // account_facts and mrr_history are written with each page of a run (mrr_history only when a
    // company's MRR changed); card_digest holds, beside each card, the part of it the reports
    // read (a third of its size, in a narrow table that reads fast); score_series holds each
    // company's recent scores packed in one text (score-series.ts), kept with every history
    // append and filled here from the history there is (126 days: SERIES_DAYS). The history's
    // company index is replaced by one that also carries the score (after the id, so "newest
    // first" still reads straight off it), for the weeks score_series does not cover.
    sql: `
      CREATE TABLE account_facts (
        portal TEXT NOT NULL,
        company_id TEXT NOT NULL,
        name TEXT,
        owner_id TEXT,
        segment TEXT,
        mrr REAL,
        renewal_date TEXT,
        churned_at TEXT,
        customer_since TEXT,
        expansion_seen TEXT NOT NULL DEFAULT '{}',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (portal, company_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE mrr_history (
        portal TEXT NOT NULL,
        company_id TEXT NOT NULL,
        at TEXT NOT NULL,
        mrr REAL NOT NULL,
        PRIMARY KEY (portal, company_id, at)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE portfolio_view (
        portal TEXT PRIMARY KEY,
        view TEXT NOT NULL,
        computed_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE card_digest (
        portal TEXT NOT NULL,
        company_id TEXT NOT NULL,
        main TEXT NOT NULL,
        drivers TEXT,
        PRIMARY KEY (portal, company_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX score_history_scores ON score_history (portal, company_id, scored_at, id, score);
      DROP INDEX score_history_by_company;
      CREATE TABLE score_series (
        portal TEXT NOT NULL,
        company_id TEXT NOT NULL,
        readings TEXT NOT NULL,
        PRIMARY KEY (portal, company_id)
      ) STRICT, WITHOUT ROWID;
      WITH rows AS (
        SELECT portal, company_id, scored_at, id, score,
          lead(scored_at) OVER (PARTITION BY portal, company_id ORDER BY scored_at, id) AS next_at,
          strftime('%Y-%m-%dT%H:%M:%fZ',
            max(scored_at) OVER (PARTITION BY portal, company_id), '-126 days') AS cutoff
        FROM score_history
      )
      INSERT INTO score_series (portal, company_id, readings)
      SELECT portal, company_id,
        max(CASE WHEN next_at <= cutoff THEN '01' ELSE '00' END) ||
        group_concat(
          CASE WHEN next_at IS NULL OR next_at > cutoff THEN printf('%012X%02X',
            CAST(round(unixepoch(scored_at, 'subsec') * 1000) AS INTEGER), ifnull(score, 255)) END,
          '' ORDER BY scored_at, id)
      FROM rows GROUP BY portal, company_id;
    `,
  },
  {
    version: 13,
    name: 'nps answers',
    // HubSpot keeps only each contact's last NPS answer; the reports' NPS for a past period needs
    // the answers given before it, so every answer a run sees is kept. Keyed by contact and
    // company, then date: "each contact's latest answer before a date" is one pass in key order.
    sql: `
      CREATE TABLE nps_answers (
        portal TEXT NOT NULL,
        contact_id TEXT NOT NULL,
        at TEXT NOT NULL,
        company_id TEXT NOT NULL,
        score REAL NOT NULL,
        PRIMARY KEY (portal, contact_id, company_id, at)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 14,
    name: 'inbox claims and a shared rate budget',
    // Several replicas drain one inbox: an event a drain takes is claimed (by whom, until when)
    // so no other drain takes it meanwhile, and a dead replica's claims lapse. rate_budget counts
    // HubSpot calls per second across processes; on SQLite (one process) it stays empty, and is
    // here so both backends keep one schema.
    sql: `
      ALTER TABLE webhook_inbox ADD COLUMN claimed_by TEXT;
      ALTER TABLE webhook_inbox ADD COLUMN claimed_until TEXT;
      CREATE TABLE rate_budget (
        name TEXT NOT NULL,
        second INTEGER NOT NULL,
        used INTEGER NOT NULL,
        PRIMARY KEY (name, second)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 15,
    name: 'notes in the ledger',
    // Lifecycle plays write notes (the QBR brief, the value report) under the same exactly-once
    // ledger as tasks. Copied into a new table for the CHECK, as in 9.
    sql: `
      CREATE TABLE action_ledger_v15 (
        portal TEXT NOT NULL,
        key TEXT NOT NULL,
        company_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        episode TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('task', 'task-update', 'enroll', 'property', 'note')),
        owner_id TEXT,
        status TEXT NOT NULL
          CHECK (status IN ('intent', 'uncertain', 'done', 'skipped', 'held', 'failed')),
        marker TEXT NOT NULL,
        payload TEXT NOT NULL,
        hubspot_id TEXT,
        detail TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        done_at TEXT,
        PRIMARY KEY (portal, key)
      ) STRICT;
      INSERT INTO action_ledger_v15 SELECT * FROM action_ledger;
      DROP TABLE action_ledger;
      ALTER TABLE action_ledger_v15 RENAME TO action_ledger;
      CREATE INDEX action_ledger_by_company ON action_ledger (portal, company_id, created_at);
      CREATE INDEX action_ledger_by_status ON action_ledger (portal, status, created_at);
      CREATE INDEX action_ledger_tasks_done ON action_ledger (portal, owner_id, done_at)
        WHERE kind = 'task' AND status = 'done';
    `,
  },
  {
    version: 16,
    name: 'signal snapshots',
    // What each company was scored from, once a month (a later run that month replaces it), so a
    // backtest can score the past with another model. Read a company at a time, its months in
    // order: keyed so, and WITHOUT ROWID so the rows lie in that order and a full read is one
    // pass through the key.
    sql: `
      CREATE TABLE signal_snapshots (
        portal TEXT NOT NULL,
        company_id TEXT NOT NULL,
        month TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        segment TEXT,
        signals TEXT NOT NULL,
        modifiers TEXT NOT NULL,
        PRIMARY KEY (portal, company_id, month)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 17,
    name: "the run's model",
    // Which model (name and version) scored a run, so a chart of the book can say where the
    // model changed. Null on runs from before.
    sql: `ALTER TABLE job_runs ADD COLUMN model TEXT;`,
  },
];
