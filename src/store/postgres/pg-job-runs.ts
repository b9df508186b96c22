import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { notRunning, progressColumns, runRecord, type RunRow } from '../run-rows.ts';
import type { RunOutcome, RunProgress, RunRecord, StartRun } from '../store.ts';
import { StoreError } from '../store-error.ts';
import { inTransaction, type Queryable } from './pg-client.ts';

// Only a running run takes progress or a finish, so a page can never land on a finished run.
// Each change is one conditional UPDATE: under READ COMMITTED a second writer waits for the
// first's row lock and then sees its status, so two processes can never both finish a run, or
// save a page on a run another has just finished.

// seq stands in for SQLite's rowid: of two runs started in the same millisecond, the later one.
const NEWEST_FIRST = 'ORDER BY started_at DESC, seq DESC';

/**
 * Saves a running run's totals (inside `commitPage`'s transaction); throws run-not-running for a
 * run that is not running, run-not-found for one that does not exist.
 */
export async function saveRunProgress(
  q: Queryable,
  id: string,
  totals: RunProgress,
  now: Date,
): Promise<void> {
  const { rowCount } = await q.query(
    `UPDATE job_runs SET cursor = $3, pages_done = $4, companies = $5, scored = $6, unchanged = $7,
       updated = $8, api_calls = $9, portfolio = $10, updated_at = $2
     WHERE id = $1 AND status = 'running'`,
    [id, now.toISOString(), ...progressValues(totals)],
  );
  if (!rowCount) throw notRunning(await getRun(q, id));
}

/** Job runs on PostgreSQL. */
export function pgJobRuns(pool: pg.Pool, now: () => Date) {
  return {
    async start(run: StartRun): Promise<RunRecord> {
      const { rows } = await pool.query<RunRow>(
        `INSERT INTO job_runs
           (id, portal, kind, source, dry_run, status, started_at, updated_at, model)
         VALUES ($1, $2, $3, $4, $5, 'running', $6, $6, $7) RETURNING *`,
        [randomUUID(), run.portal, run.kind, run.source, run.dryRun, stamp(now), run.model ?? null],
      );
      return runRecord(rows[0]!);
    },
    async finish(id: string, outcome: RunOutcome): Promise<RunRecord> {
      // The final totals and the finish land together or not at all.
      return inTransaction(pool, async (tx) => {
        if (outcome.progress) await saveRunProgress(tx, id, outcome.progress, now());
        const { rows } = await tx.query<RunRow>(
          `UPDATE job_runs SET status = $3, error = $4, finished_at = $2, updated_at = $2
           WHERE id = $1 AND status = 'running' RETURNING *`,
          [id, stamp(now), outcome.status, outcome.error ?? null],
        );
        if (rows[0]) return runRecord(rows[0]);
        throw notRunning(await getRun(tx, id));
      });
    },
    async findResumable(filter: StartRun): Promise<RunRecord | null> {
      const { rows } = await pool.query<RunRow>(
        `SELECT * FROM job_runs WHERE portal = $1 AND kind = $2 AND dry_run = $3
         ${NEWEST_FIRST} LIMIT 1`,
        [filter.portal, filter.kind, filter.dryRun],
      );
      const row = rows[0];
      return row && row.status !== 'completed' ? runRecord(row) : null;
    },
    async resume(id: string): Promise<RunRecord> {
      const { rows } = await pool.query<RunRow>(
        `UPDATE job_runs SET status = 'running', error = NULL, finished_at = NULL, updated_at = $2
         WHERE id = $1 AND status <> 'completed' RETURNING *`,
        [id, stamp(now)],
      );
      if (rows[0]) return runRecord(rows[0]);
      const run = await getRun(pool, id);
      throw new StoreError('run-completed', `Job run ${run.id} completed: start a new one.`);
    },
    async list(filter: { portal?: string; limit?: number } = {}): Promise<RunRecord[]> {
      // SQLite reads a negative limit as none; PostgreSQL refuses one, and reads NULL as none.
      const limit = filter.limit ?? 20;
      const { rows } = await pool.query<RunRow>(
        `SELECT * FROM job_runs WHERE $1::text IS NULL OR portal = $1 ${NEWEST_FIRST} LIMIT $2`,
        [filter.portal ?? null, limit < 0 ? null : limit],
      );
      return rows.map(runRecord);
    },
  };
}

async function getRun(q: Queryable, id: string): Promise<RunRecord> {
  const { rows } = await q.query<RunRow>('SELECT * FROM job_runs WHERE id = $1', [id]);
  if (!rows[0]) throw new StoreError('run-not-found', `There is no job run with id ${id}.`);
  return runRecord(rows[0]);
}

const stamp = (now: () => Date) => now().toISOString();

/** The totals as positional parameters, in job_runs' column order ($3 to $10). */
function progressValues(totals: RunProgress) {
  const c = progressColumns(totals);
  return [
    c.cursor,
    c.pagesDone,
    c.companies,
    c.scored,
    c.unchanged,
    c.updated,
    c.apiCalls,
    c.portfolio,
  ];
}
