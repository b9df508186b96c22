// One full pass in a process of its own, so its peak RSS is the pass's alone: run by
// rescore-memory.ts, which serves the sandbox portal from its own process. Takes the portal's
// URL, token and a data directory for the store; prints one JSON line with the figures. Imports
// only the app's side (rescore-client.ts), never the sandbox's code.
import { runRescore } from '../../src/jobs/run-rescore.ts';
import { benchConfig, benchGateway, NO_WAITS, rescoreDeps } from './rescore-client.ts';

export interface MemoryChildResult {
  /** Peak RSS (bytes) once the store is open and the gateway built, before the pass. */
  beforePassBytes: number;
  /** Peak RSS (bytes) of the whole process, the pass included. */
  peakBytes: number;
  companies: number;
  updated: number;
  durationMs: number;
}

const [url, token, storeDir] = process.argv.slice(2);
if (!url || !token || !storeDir) {
  throw new Error('usage: rescore-memory-child.ts <sandbox url> <token> <store dir>');
}

const config = benchConfig(storeDir, 250);
const { deps, store } = await rescoreDeps(
  storeDir,
  benchGateway({ url, token }, config, { headroom: NO_WAITS }),
  config,
);
try {
  const beforePassBytes = peakRss();
  const summary = await runRescore(deps, { dryRun: false });
  const result: MemoryChildResult = {
    beforePassBytes,
    peakBytes: peakRss(),
    companies: summary.companies,
    updated: summary.updated,
    durationMs: summary.durationMs,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await store.close();
}

/** The process's high-water RSS so far; resourceUsage gives kibibytes. */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
