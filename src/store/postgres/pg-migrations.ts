import type { Migration } from '../sqlite-migrations.ts';

/**
 * The PostgreSQL schema. Its numbers follow SQLite's: PostgreSQL support began at schema 13, so
 * its first migration creates schema 13 whole; every later change is one migration with the same
 * number in both lists. Append new ones; never edit one that has shipped.
 *
 * Instants are ISO 8601 text in UTC with milliseconds (isoInstant), as in SQLite: both backends
 * compare and order them as text the same way, and rows read back byte for byte as written. JSON
 * is text for the same reason (jsonb would reorder keys). Every text column is COLLATE "C" so
 * ids and instants order byte by byte, as SQLite orders them, whatever the database's locale.
 * Epoch milliseconds are bigint.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 13,
    name: 'schema 13: score history, state, runs, leases, plays, ledger, inbox, reports',
    sql: `
      CREATE TABLE score_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        portal text COLLATE "C" NOT NULL,
        company_id text COLLATE "C" NOT NULL,
        scored_at text COLLATE "C" NOT NULL,
        score integer CHECK (score IS NULL OR score BETWEEN 0 AND 100),
        tier text COLLATE "C" NOT NULL,
        coverage double precision NOT NULL CHECK (coverage BETWEEN 0 AND 100),
        dimensions text COLLATE "C" NOT NULL,
        model_name text COLLATE "C" NOT NULL,
        model_version text COLLATE "C" NOT NULL,
        top_drivers text COLLATE "C" NOT NULL
      );
      CREATE INDEX score_history_scores ON score_history (portal, company_id, scored_at, id)
        INCLUDE (score);

      CREATE TABLE company_state (
        portal text COLLATE "C" NOT NULL,
        company_id text COLLATE "C" NOT NULL,
        properties text COLLATE "C" NOT NULL,
        checked_at text COLLATE "C" NOT NULL,
        card text COLLATE "C",
        PRIMARY KEY (portal, company_id)
      );
      CREATE TABLE card_digest (
        portal text COLLATE "C" NOT NULL,
        company_id text COLLATE "C" NOT NULL,
        main text COLLATE "C" NOT NULL,
        drivers text COLLATE "C",
        PRIMARY KEY (portal, company_id)
      );

      CREATE TABLE job_runs (
        seq bigint GENERATED ALWAYS AS IDENTITY,
        id text COLLATE "C" PRIMARY KEY,
        portal text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL,
        source text COLLATE "C" NOT NULL,
        dry_run boolean NOT NULL,
        status text COLLATE "C" NOT NULL,
        started_at text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL,
        finished_at text COLLATE "C",
        error text COLLATE "C",
        cursor text COLLATE "C",
        pages_done integer NOT NULL DEFAULT 0,
        companies integer NOT NULL DEFAULT 0,
        scored integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        api_calls text COLLATE "C" NOT NULL DEFAULT '{}',
        portfolio text COLLATE "C"
      );
      CREATE INDEX job_runs_by_portal ON job_runs (portal, kind, dry_run, started_at, seq);

      CREATE TABLE leases (
        name text COLLATE "C" PRIMARY KEY,
        holder text COLLATE "C" NOT NULL,
        expires_at bigint NOT NULL
      );

      CREATE TABLE action_ledger (
        seq bigint GENERATED ALWAYS AS IDENTITY,
        portal text COLLATE "C" NOT NULL,
        key text COLLATE "C" NOT NULL,
        company_id text COLLATE "C" NOT NULL,
        rule_id text COLLATE "C" NOT NULL,
        episode text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL CHECK (kind IN ('task', 'task-update', 'enroll', 'property')),
        owner_id text COLLATE "C",
        status text COLLATE "C" NOT NULL
          CHECK (status IN ('intent', 'uncertain', 'done', 'skipped', 'held', 'failed')),
        marker text COLLATE "C" NOT NULL,
        payload text COLLATE "C" NOT NULL,
        hubspot_id text COLLATE "C",
        detail text COLLATE "C",
        created_at text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL,
        done_at text COLLATE "C",
        PRIMARY KEY (portal, key)
      );
      CREATE INDEX action_ledger_by_company ON action_ledger (portal, company_id, created_at, seq);
      CREATE INDEX action_ledger_by_status ON action_ledger (portal, status, created_at, seq);
      CREATE INDEX action_ledger_tasks_done ON action_ledger (portal, owner_id, done_at)
        WHERE kind = 'task' AND status = 'done';

      CREATE TABLE play_state (
        portal text COLLATE "C" NOT NULL,
        company_id text COLLATE "C" NOT NULL,
        active_rules text COLLATE "C" NOT NULL,
        evaluated_at text COLLATE "C" NOT NULL,
        tracks text COLLATE "C",
        readings text COLLATE "C",
        PRIMARY KEY (portal, company_id)
      );
      CREATE TABLE portal_flags (
        portal text COLLATE "C" NOT NULL,
        name text COLLATE "C" NOT NULL,
        value text COLLATE "C" NOT NULL,
        PRIMARY KEY (portal, name)
      );

      CREATE TABLE webhook_inbox (
        seq bigint GENERATED ALWAYS AS IDENTITY,
        portal text COLLATE "C" NOT NULL,
        event_id text COLLATE "C" NOT NULL,
        subscription_type text COLLATE "C" NOT NULL,
        object_id text COLLATE "C" NOT NULL,
        occurred_at text COLLATE "C" NOT NULL,
        state text COLLATE "C" NOT NULL
          CHECK (state IN ('received', 'processed', 'ignored', 'failed', 'dead')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        error text COLLATE "C",
        payload text COLLATE "C" NOT NULL,
        received_at text COLLATE "C" NOT NULL,
        next_attempt_at text COLLATE "C",
        updated_at text COLLATE "C" NOT NULL,
        PRIMARY KEY (portal, event_id)
      );
      CREATE INDEX webhook_inbox_pending ON webhook_inbox (portal, received_at, seq)
        WHERE state IN ('received', 'failed');
      CREATE INDEX webhook_inbox_by_state ON webhook_inbox (portal, state, received_at, seq);
      CREATE INDEX webhook_inbox_recent ON webhook_inbox (portal, received_at, seq);

      CREATE TABLE account_facts (
        portal text COLLATE "C" NOT NULL,
        company_id text COLLATE "C" NOT NULL,
        name text COLLATE "C",
        owner_id text COLLATE "C",
        segment text COLLATE "C",
        mrr double precision,
        renewal_date text COLLATE "C",
        churned_at text COLLATE "C",
        customer_since text COLLATE "C",
        expansion_seen text COLLATE "C" NOT NULL DEFAULT '{}',
        updated_at text COLLATE "C" NOT NULL,
        PRIMARY KEY (portal, company_id)
      );
      CREATE TABLE mrr_history (
        portal text COLLATE "C" NOT NULL,
        company_id text COLLATE "C" NOT NULL,
        at text COLLATE "C" NOT NULL,
        mrr double precision NOT NULL,
        PRIMARY KEY (portal, company_id, at)
      );
      CREATE TABLE nps_answers (
        portal text COLLATE "C" NOT NULL,
        contact_id text COLLATE "C" NOT NULL,
        company_id text COLLATE "C" NOT NULL,
        at text COLLATE "C" NOT NULL,
        score double precision NOT NULL,
        PRIMARY KEY (portal, contact_id, company_id, at)
      );
      CREATE TABLE portfolio_view (
        portal text COLLATE "C" PRIMARY KEY,
        view text COLLATE "C" NOT NULL,
        computed_at text COLLATE "C" NOT NULL
      );
    `,
  },
  {
    version: 14,
    name: 'inbox claims and a shared rate budget',
    // See SQLite's migration 14. Here rate_budget is what keeps replicas within the app's limit.
    sql: `
      ALTER TABLE webhook_inbox ADD COLUMN claimed_by text COLLATE "C";
      ALTER TABLE webhook_inbox ADD COLUMN claimed_until text COLLATE "C";
      CREATE TABLE rate_budget (
        name text COLLATE "C" NOT NULL,
        second bigint NOT NULL,
        used integer NOT NULL,
        PRIMARY KEY (name, second)
      );
      -- Counts one call against the last 10 seconds' calls of all processes, atomically: the
      -- advisory lock makes each take see every take before it. True when the call may go.
      CREATE FUNCTION take_rate_budget(p_name text, p_second bigint, p_limit integer)
      RETURNS boolean LANGUAGE plpgsql AS $fn$
      DECLARE
        recent integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('vitals.rate_budget'), hashtext(p_name));
        SELECT coalesce(sum(used), 0) INTO recent FROM rate_budget
          WHERE name = p_name AND second > p_second - 10 AND second <= p_second;
        IF recent >= p_limit THEN
          RETURN false;
        END IF;
        INSERT INTO rate_budget (name, second, used) VALUES (p_name, p_second, 1)
          ON CONFLICT (name, second) DO UPDATE SET used = rate_budget.used + 1;
        DELETE FROM rate_budget WHERE name = p_name AND second < p_second - 60;
        RETURN true;
      END
      $fn$;
    `,
  },
  {
    version: 15,
    name: 'notes in the ledger',
    // See SQLite's migration 15; PostgreSQL changes the CHECK in place.
    sql: `
      ALTER TABLE action_ledger DROP CONSTRAINT action_ledger_kind_check;
      ALTER TABLE action_ledger ADD CONSTRAINT action_ledger_kind_check
        CHECK (kind IN ('task', 'task-update', 'enroll', 'property', 'note'));
    `,
  },
  {
    version: 16,
    name: 'signal snapshots',
    // See SQLite's migration 16. Signals and modifiers are text, as the other JSON columns are:
    // the store only hands them back whole, and 2.4 million rows as jsonb took a third more room
    // and about a tenth longer to read back.
    sql: `
      CREATE TABLE signal_snapshots (
        portal text COLLATE "C" NOT NULL,
        company_id text COLLATE "C" NOT NULL,
        month text COLLATE "C" NOT NULL,
        taken_at text COLLATE "C" NOT NULL,
        segment text COLLATE "C",
        signals text COLLATE "C" NOT NULL,
        modifiers text COLLATE "C" NOT NULL,
        PRIMARY KEY (portal, company_id, month)
      );
    `,
  },
  {
    version: 17,
    name: "the run's model",
    // See SQLite's migration 17.
    sql: `ALTER TABLE job_runs ADD COLUMN model text COLLATE "C";`,
  },
];
