import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { notRunning, progressColumns, runRecord, type RunRow } from './run-rows.ts';
import type { RunOutcome, RunProgress, RunRecord, StartRun } from './store.ts';
import { StoreError } from './store-error.ts';

/** Job runs on SQLite: synchronous, so `commitPage` can compose them inside a transaction. */
export function sqliteJobRuns(db: Database.Database, now: () => Date) {
  const sql = prepareStatements(db);
  const get = (id: string): RunRecord => {
    const row = sql.select.get(id);
    if (!row) throw new StoreError('run-not-found', `There is no job run with id ${id}.`);
    return runRecord(row);
  };
  const saveProgress = (id: string, totals: RunProgress): void => {
    if (sql.progress.run({ id, now: stamp(now), ...progressColumns(totals) }).changes === 0) {
      throw notRunning(get(id));
    }
  };

  return {
    saveProgress,
    start(run: StartRun): RunRecord {
      const id = randomUUID();
      const { portal, kind, source } = run;
      const model = run.model ?? null;
      sql.insert.run({
        id,
        portal,
        kind,
        source,
        dryRun: run.dryRun ? 1 : 0,
        now: stamp(now),
        model,
      });
      return get(id);
    },
    finish: db.transaction((id: string, outcome: RunOutcome): RunRecord => {
      if (outcome.progress) saveProgress(id, outcome.progress);
      const params = { id, status: outcome.status, error: outcome.error ?? null, now: stamp(now) };
      if (sql.finish.run(params).changes === 0) throw notRunning(get(id));
      return get(id);
    }),
    findResumable(filter: StartRun): RunRecord | null {
      const row = sql.newest.get(filter.portal, filter.kind, filter.dryRun ? 1 : 0);
      return row && row.status !== 'completed' ? runRecord(row) : null;
    },
    resume(id: string): RunRecord {
      if (sql.reopen.run({ id, now: stamp(now) }).changes === 0) {
        throw new StoreError('run-completed', `Job run ${get(id).id} completed: start a new one.`);
      }
      return get(id);
    },
    list(filter: { portal?: string; limit?: number } = {}): RunRecord[] {
      const params = { portal: filter.portal ?? null, limit: filter.limit ?? 20 };
      return sql.recent.all(params).map(runRecord);
    },
  };
}

// Only a running run takes progress or a finish, so a page can never land on a finished run.
function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare(`INSERT INTO job_runs
      (id, portal, kind, source, dry_run, status, started_at, updated_at, model)
      VALUES (@id, @portal, @kind, @source, @dryRun, 'running', @now, @now, @model)`),
    select: db.prepare<[string], RunRow>('SELECT * FROM job_runs WHERE id = ?'),
    progress: db.prepare(`UPDATE job_runs SET cursor = @cursor, pages_done = @pagesDone,
      companies = @companies, scored = @scored, unchanged = @unchanged, updated = @updated,
      api_calls = @apiCalls, portfolio = @portfolio, updated_at = @now WHERE id = @id AND status = 'running'`),
    finish: db.prepare(`UPDATE job_runs SET status = @status, error = @error,
      finished_at = @now, updated_at = @now WHERE id = @id AND status = 'running'`),
    reopen: db.prepare(`UPDATE job_runs SET status = 'running', error = NULL,
      finished_at = NULL, updated_at = @now WHERE id = @id AND status <> 'completed'`),
    newest: db.prepare<[string, string, number], RunRow>(`SELECT * FROM job_runs
      WHERE portal = ? AND kind = ? AND dry_run = ? ORDER BY started_at DESC, rowid DESC LIMIT 1`),
    recent: db.prepare<{ portal: string | null; limit: number }, RunRow>(`SELECT * FROM job_runs
      WHERE @portal IS NULL OR portal = @portal ORDER BY started_at DESC, rowid DESC LIMIT @limit`),
  };
}

const stamp = (now: () => Date) => now().toISOString();
