import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../src/models/load-model.ts';
import { churnHistory } from '../../src/sandbox/churn-history.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import { openSqliteStore } from '../../src/store/open-sqlite-store.ts';
import { completedRun, storeHistory } from '../support/history-store.ts';
import type { BacktestChildResult } from './backtest-child.ts';
import type { BenchSection } from './bench-section.ts';
import { figuresOf } from './rescore-figures.ts';

const CHILD = fileURLToPath(new URL('./backtest-child.ts', import.meta.url));
const ACCOUNTS = 100_000;
const MONTHS = 24;
const RUNS = 3;
/** The day the backtest runs: the history ends with the month before. */
const NOW = '2026-12-07T10:00:00.000Z';
/** Accounts drawn at a time, so the history never sits in memory whole. */
const BATCH = 5_000;

/**
 * `vitals backtest` over two years of a 100,000-account book: a SQLite store filled with a
 * generated churn history (every account present from the first month until it churns), then
 * fresh processes that run the whole backtest of the default model, beside processes that only
 * stream the snapshots: the floor any backtest pays to read its history.
 */
export async function backtestSpeed(): Promise<BenchSection> {
  const started = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'vitals-bench-backtest-'));
  try {
    const filled = await fillStore(dataDir);
    const read: BacktestChildResult[] = [];
    const full: BacktestChildResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      read.push(await child(dataDir, 'read'));
      full.push(await child(dataDir, 'backtest'));
    }
    const seconds = (r: BacktestChildResult[]) => figuresOf(r.map((x) => x.wallMs / 1000));
    const readMedian = seconds(read).median;
    const fullFigures = seconds(full);
    const auc = full[0]!.auc;
    return {
      title: 'Model lab: backtest over two years of history',
      rows: [
        {
          figure: `vitals backtest, ${ACCOUNTS.toLocaleString('en-US')} accounts × ${MONTHS} months (default model, 95 % bootstrap)`,
          unit: 's',
          measurement: fullFigures,
          reference: { label: 'streaming the snapshots alone', median: readMedian },
          target: { label: '< 30', met: fullFigures.median < 30 },
        },
        {
          figure: 'Streaming the snapshots alone (the floor)',
          unit: 's',
          measurement: seconds(read),
        },
        {
          figure: 'Peak RSS of the backtest process',
          unit: 'MB',
          measurement: figuresOf(full.map((x) => x.peakBytes / 1e6)),
          reference: {
            label: 'streaming the snapshots alone',
            median: figuresOf(read.map((x) => x.peakBytes / 1e6)).median,
          },
        },
      ],
      notes: [
        `The store holds ${filled.rows.toLocaleString('en-US')} snapshots (one per account and month until it churns; ${filled.churned.toLocaleString('en-US')} of the ${ACCOUNTS.toLocaleString('en-US')} accounts churn within the ${MONTHS} months), drawn by the signal-level churn-history generator (src/sandbox/churn-history.ts; the sandbox portal's own two years of usage history are far smaller) with the default model as the truth: filling it took ${(filled.ms / 1000).toFixed(0)} s. Each figure is the median of ${RUNS} fresh processes on SQLite; reads and backtests alternate.`,
        `Each backtest judged ${full[0]!.observations.toLocaleString('en-US')} account-months (the others' 90-day horizon had not ended, or they came after churn) with ${auc ? `an AUC of ${auc.value.toFixed(3)} (${auc.low.toFixed(3)}–${auc.high.toFixed(3)})` : 'no AUC'}: replaying the readings through the model and the bootstrap cost ${((fullFigures.median - readMedian) / 1).toFixed(1)} s over reading them.`,
        `Section wall time: ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      ],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function fillStore(dataDir: string): Promise<{ rows: number; churned: number; ms: number }> {
  const started = performance.now();
  const truth = compileModel(loadModel('retention-os'));
  const store = await openSqliteStore(dataDir);
  let rows = 0;
  let churned = 0;
  try {
    await completedRun(store);
    for (let first = 0; first < ACCOUNTS; first += BATCH) {
      const history = churnHistory(truth, {
        seed: 1_000 + first,
        accounts: BATCH,
        firstAccount: first,
        months: MONTHS,
        lastMonth: '2026-11',
        joinWithin: 0,
      });
      await storeHistory(store, history, NOW);
      for (const fate of history.fates.values()) if (fate.churnedAt) churned += 1;
      rows += history.readings.length;
    }
  } finally {
    await store.close();
  }
  return { rows, churned, ms: performance.now() - started };
}

function child(dataDir: string, mode: 'read' | 'backtest'): Promise<BacktestChildResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CHILD, dataDir, mode, NOW],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`The ${mode} child failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as BacktestChildResult);
      },
    );
  });
}
