import { writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import { backtestSpeed } from './backtest-speed.ts';
import { benchmarksMarkdown } from './benchmarks-markdown.ts';
import { cardApiLatency } from './card-api-latency.ts';
import type { MeasureOptions } from './measure.ts';
import { engineThroughput } from './engine-throughput.ts';
import { lifecycleApiCalls } from './lifecycle-api-calls.ts';
import { playsApiCalls } from './plays-api-calls.ts';
import { playsTrust } from './plays-trust.ts';
import { sectionInChild } from './section-in-child.ts';
import { rescoreApiCalls } from './rescore-api-calls.ts';
import { rescoreMemory } from './rescore-memory.ts';
import { rescoreWallTime } from './rescore-wall-time.ts';
import { webhookIntake } from './webhook-intake.ts';
import { webhookLive } from './webhook-live.ts';

const OUTPUT = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const OPTIONS: MeasureOptions = { runs: 7, warmupMs: 500, runMs: 300 };
/** Fresh processes per size for the peak-RSS figures; each run is a full pass of up to 100,000. */
const MEMORY_RUNS = 3;
/**
 * Fresh processes for the 100,000-company pass on PostgreSQL, beside the SQLite runs above. Fewer
 * than SQLite's, to keep the bench's time in bounds: each is a full pass of a minute or more.
 */
const POSTGRES_PASS_RUNS = 2;

const started = performance.now();
// Later areas add their section here.
// The engine goes first, before the rescore passes teach the JIT other shapes of account. Each
// PostgreSQL figure comes right after its SQLite one, measured the same way.
const sections = [
  engineThroughput(OPTIONS),
  await rescoreApiCalls({ postgres: true }),
  await playsApiCalls(),
  await lifecycleApiCalls(),
  await playsTrust(),
  await rescoreWallTime(),
  ...(await rescoreMemory({ runs: MEMORY_RUNS, postgresRuns: POSTGRES_PASS_RUNS })),
  await cardApiLatency(),
  await cardApiLatency({ backend: 'postgres' }),
  await webhookIntake(),
  await webhookIntake({ backend: 'postgres' }),
  await webhookLive(),
  // A fresh process, as `vitals report` is.
  await sectionInChild('./portfolio-reports.ts', 'portfolioReports'),
  await backtestSpeed(),
];

const markdown = benchmarksMarkdown(
  {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    os: `${type()} ${release()} ${process.arch}`,
    node: process.version,
    date: new Date().toISOString(),
    method: `engine figures: the median of ${OPTIONS.runs} timed runs of ≥ ${OPTIONS.runMs} ms after a ${OPTIONS.warmupMs} ms warm-up, in one process on one thread; rescore figures: full passes against the sandbox portal on loopback, runs as each section's notes say; PostgreSQL figures: a throwaway server on loopback on the same machine, fsync on, measured as the SQLite figures beside them`,
  },
  sections,
);
writeFileSync(OUTPUT, markdown);
process.stdout.write(markdown);
console.log(`\nWrote ${OUTPUT} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
