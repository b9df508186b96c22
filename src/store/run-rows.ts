import type { RunProgress, RunRecord } from './store.ts';
import { StoreError } from './store-error.ts';

// Job runs' rows as both stores read them, and the totals as both write them.

export interface RunRow {
  id: string;
  portal: string;
  kind: RunRecord['kind'];
  source: RunRecord['source'];
  /** 0 or 1 on SQLite, a boolean on PostgreSQL. */
  dry_run: number | boolean;
  status: RunRecord['status'];
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  error: string | null;
  cursor: string | null;
  pages_done: number;
  companies: number;
  scored: number;
  unchanged: number;
  updated: number;
  api_calls: string;
  portfolio: string | null;
  model: string | null;
}

/** A run's totals as columns hold them: the call counts and the tally as JSON text. */
export function progressColumns(totals: RunProgress) {
  const { cursor, pagesDone, companies, scored, unchanged, updated } = totals;
  const apiCalls = JSON.stringify(totals.apiCalls);
  const portfolio = totals.portfolio ? JSON.stringify(totals.portfolio) : null;
  return { cursor, pagesDone, companies, scored, unchanged, updated, apiCalls, portfolio };
}

export function notRunning(run: RunRecord): StoreError {
  return new StoreError('run-not-running', `Job run ${run.id} is ${run.status}: resume it first.`);
}

export function runRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    portal: row.portal,
    kind: row.kind,
    source: row.source,
    dryRun: row.dry_run === 1 || row.dry_run === true,
    status: row.status,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    model: row.model ?? null,
    finishedAt: row.finished_at,
    error: row.error,
    progress: {
      cursor: row.cursor,
      pagesDone: row.pages_done,
      companies: row.companies,
      scored: row.scored,
      unchanged: row.unchanged,
      updated: row.updated,
      apiCalls: JSON.parse(row.api_calls) as RunProgress['apiCalls'],
      ...(row.portfolio
        ? { portfolio: JSON.parse(row.portfolio) as NonNullable<RunProgress['portfolio']> }
        : {}),
    },
  };
}
