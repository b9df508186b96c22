// One full pass in a process of its own, so its peak RSS is the pass's alone: run by
// rescore-memory.ts, which serves the sandbox portal from its own process. Takes the portal's
// URL, token, a data directory, and optionally a PostgreSQL URL (the store then lives there, not
// in the data directory); prints one JSON line with the figures. Imports only the app's side
// (rescore-client.ts), never the sandbox's code.
import { runRescore } from '../../src/jobs/run-rescore.ts';
import type { StoreAt } from './bench-store.ts';
import { benchConfig, benchGateway, NO_WAITS, rescoreDeps } from './rescore-client.ts';
import { timedStore, type StoreCallTime } from './timed-store.ts';

export interface MemoryChildResult {
  /** Peak RSS (bytes) once the store is open and the gateway built, before the pass. */
  beforePassBytes: number;
  /** Peak RSS (bytes) of the whole process, the pass included. */
  peakBytes: number;
  companies: number;
  updated: number;
  durationMs: number;
  /** From the call to `runRescore` to its return, as the wall-time section times it. */
  wallMs: number;
  /** The pass's `summary.apiCalls`, by endpoint. */
  apiCalls: Record<string, number>;
  /** Time the pass spent awaiting its store, by method. */
  storeTimes: Record<string, StoreCallTime>;
  /** CPU (user and system) this process used during the pass. */
  cpuMs: number;
}

const [url, token, dataDir, databaseUrl] = process.argv.slice(2);
if (!url || !token || !dataDir) {
  throw new Error('usage: rescore-memory-child.ts <sandbox url> <token> <data dir> [database url]');
}

const at: StoreAt = databaseUrl ? { postgres: databaseUrl } : { sqlite: dataDir };
const config = benchConfig(dataDir, 250);
const opened = await rescoreDeps(
  at,
  benchGateway({ url, token }, config, { headroom: NO_WAITS }),
  config,
);
const timed = timedStore(opened.store);
try {
  const beforePassBytes = peakRss();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const summary = await runRescore({ ...opened.deps, store: timed.store }, { dryRun: false });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const result: MemoryChildResult = {
    beforePassBytes,
    peakBytes: peakRss(),
    companies: summary.companies,
    updated: summary.updated,
    durationMs: summary.durationMs,
    wallMs,
    apiCalls: summary.apiCalls,
    storeTimes: timed.times(),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await opened.store.close();
}

/** The process's high-water RSS so far; resourceUsage gives kibibytes. */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
