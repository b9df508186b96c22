// One backtest in a process of its own, so its peak RSS is the backtest's alone: run by
// backtest-speed.ts over a store it filled. Takes the data directory and a mode: "backtest" (the
// whole `vitals backtest` work with the default model) or "read" (only streaming the snapshots,
// the floor any backtest pays). Prints one JSON line.
import { loadModel } from '../../src/models/load-model.ts';
import { runBacktest } from '../../src/jobs/run-backtest.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import { openSqliteStore } from '../../src/store/open-sqlite-store.ts';

export interface BacktestChildResult {
  wallMs: number;
  peakBytes: number;
  rows: number;
  observations: number;
  auc: { value: number; low: number; high: number } | null;
}

const [dataDir, mode, now] = process.argv.slice(2);
if (!dataDir || (mode !== 'backtest' && mode !== 'read') || !now)
  throw new Error('usage: backtest-child.ts <data dir> backtest|read <now>');

const store = await openSqliteStore(dataDir);
try {
  const started = performance.now();
  let rows = 0;
  let observations = 0;
  let auc: BacktestChildResult['auc'] = null;
  if (mode === 'read') {
    for await (const page of store.signalSnapshots('sandbox')) rows += page.length;
  } else {
    const { report, replay } = await runBacktest(store, {
      portal: 'sandbox',
      models: [{ model: compileModel(loadModel('retention-os')), label: 'retention-os' }],
      horizonDays: 90,
      contraction: false,
      now: new Date(now),
    });
    const metrics = report.models[0]!.metrics;
    observations = metrics.counts.observations;
    rows = observations + replay.withoutOutcome;
    auc = metrics.auc;
  }
  const result: BacktestChildResult = {
    wallMs: performance.now() - started,
    peakBytes: process.resourceUsage().maxRSS * 1024,
    rows,
    observations,
    auc,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await store.close();
}
