import type pg from 'pg';
import type { PageCommit, Store } from '../store.ts';
import { putAccountFactsRows } from './pg-account-facts.ts';
import { inTransaction } from './pg-client.ts';
import { companyStateRows, putCompanyStateRows } from './pg-company-state.ts';
import { pgJobRuns, saveRunProgress } from './pg-job-runs.ts';
import { assertLeaseHeld } from './pg-lease-fence.ts';
import { appendMrrRows } from './pg-mrr-history.ts';
import { appendNpsRows } from './pg-nps-answers.ts';
import {
  appendScoreRows,
  latestScoreRows,
  scoreRowsAtOrBefore,
  scoreRowsOfLastDays,
} from './pg-score-history.ts';
import { putSignalSnapshotRows } from './pg-signal-snapshots.ts';
import { weeklyScoreRows } from './pg-weekly-scores.ts';

export type ScoresPart = Pick<
  Store,
  | 'appendScores'
  | 'latestScores'
  | 'scoresAtOrBefore'
  | 'scoreHistory'
  | 'companyStates'
  | 'putCompanyStates'
  | 'weeklyScores'
  | 'startRun'
  | 'commitPage'
  | 'finishRun'
  | 'findResumableRun'
  | 'resumeRun'
  | 'listRuns'
>;

/** On PostgreSQL: score history, company state and runs, and the page commit. */
export function pgScoresPart(pool: pg.Pool, now: () => Date): ScoresPart {
  const runs = pgJobRuns(pool, now);
  return {
    appendScores: async (rows) => appendScoreRows(pool, rows),
    latestScores: async (portal, ids) => latestScoreRows(pool, portal, ids),
    scoresAtOrBefore: async (portal, ids, at) => scoreRowsAtOrBefore(pool, portal, ids, at),
    scoreHistory: async (portal, id, days) => scoreRowsOfLastDays(pool, portal, id, days, now()),
    companyStates: async (portal, ids) => companyStateRows(pool, portal, ids),
    putCompanyStates: async (rows) => putCompanyStateRows(pool, rows),
    weeklyScores: async (portal, weeks, until) => weeklyScoreRows(pool, portal, weeks, until),
    startRun: async (run) => runs.start(run),
    commitPage: async (page) => commitPage(pool, page, now),
    finishRun: async (id, outcome) => runs.finish(id, outcome),
    findResumableRun: async (filter) => runs.findResumable(filter),
    resumeRun: async (id) => runs.resume(id),
    listRuns: async (filter) => runs.list(filter),
  };
}

/**
 * Everything a page produced, in one transaction, fenced by the run's lease when given (checked
 * first, and kept until the commit). The run's progress is saved last, by an UPDATE that only a
 * running run takes: a run another process finished meanwhile throws, and the page rolls back
 * with it.
 */
async function commitPage(pool: pg.Pool, page: PageCommit, now: () => Date): Promise<void> {
  await inTransaction(pool, async (tx) => {
    if (page.lease) await assertLeaseHeld(tx, page.lease);
    await appendScoreRows(tx, page.scores);
    await putCompanyStateRows(tx, page.states);
    await putAccountFactsRows(tx, page.facts ?? []);
    await appendMrrRows(tx, page.mrr ?? []);
    await appendNpsRows(tx, page.nps ?? []);
    await putSignalSnapshotRows(tx, page.snapshots ?? []);
    await saveRunProgress(tx, page.runId, page.progress, now());
  });
}
