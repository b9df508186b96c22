import { join } from 'node:path';
import { runRescore, type RescoreSummary } from '../../src/jobs/run-rescore.ts';
import type { BenchSection } from './bench-section.ts';
import { count, figuresOf, seconds } from './rescore-figures.ts';
import { benchConfig, benchGateway, rescoreDeps, totalCalls } from './rescore-client.ts';
import { preparePortal, servePortal, tempDir } from './rescore-world.ts';

const COMPANIES = 20_000;
const PER_10S = 100;
/** The gateway's default share of the limit it uses (create-gateway.ts). */
const HEADROOM = 0.9;
const TARGET = 1.15;
const UNIT = 's';

interface Pass {
  summary: RescoreSummary;
  wallMs: number;
  /** Requests the sandbox received, refused ones included. */
  served: number;
  /** Calls the gateway retried (its warnings). */
  retried: number;
}

/** Wall time of a full pass at 100 calls per 10 s, against the time that limit itself imposes. */
export async function rescoreWallTime(): Promise<BenchSection> {
  const pass = await timedPass();
  const calls = totalCalls(pass.summary.apiCalls);
  const limitMs = (calls / PER_10S) * 10_000;
  return {
    title: `Rescore wall time (sandbox portal, ${count(COMPANIES)} companies, ${PER_10S} calls per 10 s)`,
    rows: [
      {
        figure: 'Wall time of a full pass (first pass, every company written)',
        unit: UNIT,
        measurement: figuresOf([pass.wallMs / 1000]),
        reference: { label: `${count(calls)} calls ÷ ${PER_10S / 10}/s`, median: limitMs / 1000 },
        target: {
          label: `≤ ${Math.floor((TARGET * limitMs) / 1000)}`,
          met: pass.wallMs <= TARGET * limitMs,
        },
      },
    ],
    notes: [
      `Target: at most ${TARGET.toFixed(2)}× the time the rate limit itself imposes, ${count(calls)} calls ÷ ${PER_10S} per 10 s = ${seconds(limitMs)}. Run once: the pass takes about two minutes. Wall time is from the call to \`runRescore\` to its return.`,
      `Config \`rateLimit.per10s: ${PER_10S}\` (gateway \`per10s: ${PER_10S}\`, default headroom ${HEADROOM}) against a sandbox limited to ${PER_10S} per rolling 10 s. Calls: ${byEndpoint(pass.summary)}; the sandbox received ${count(pass.served)} requests and the gateway retried ${count(pass.retried)}.`,
      headroomNote(calls, pass.wallMs),
      'The portal was seeded and its health properties created beforehand, on a server that was then closed: the pass starts on an empty rate window.',
    ],
  };
}

async function timedPass(): Promise<Pass> {
  const dir = tempDir('wall');
  try {
    const sandboxDir = join(dir.path, 'sandbox');
    await preparePortal(sandboxDir, COMPANIES);
    const sandbox = await servePortal(sandboxDir, COMPANIES, PER_10S);
    try {
      const config = benchConfig(dir.path, PER_10S);
      let retried = 0;
      const logger = { warn: () => void retried++ };
      const gateway = benchGateway(sandbox, config, { logger });
      const { deps, store } = await rescoreDeps(dir.path, gateway, config);
      try {
        const started = performance.now();
        const summary = await runRescore(deps, { dryRun: false });
        const wallMs = performance.now() - started;
        if (summary.companies !== COMPANIES || summary.failedUpdates.length > 0) {
          throw new Error(`The pass scored ${summary.companies} of ${COMPANIES} companies.`);
        }
        return { summary, wallMs, served: totalCalls(sandbox.requestCount()), retried };
      } finally {
        await store.close();
      }
    } finally {
      await sandbox.close();
    }
  } finally {
    dir.remove();
  }
}

function byEndpoint(summary: RescoreSummary): string {
  return Object.entries(summary.apiCalls)
    .map(([endpoint, n]) => `${endpoint} ${count(n)}`)
    .join(', ');
}

/**
 * The gateway starts at most per10s × headroom calls in any rolling 10 s, so call k (from 0)
 * starts no sooner than 10 s × ⌊k / budget⌋: that, not the work, sets the pace.
 */
function headroomNote(calls: number, wallMs: number): string {
  const budget = Math.floor(PER_10S * HEADROOM);
  const lastStartMs = 10_000 * Math.floor((calls - 1) / budget);
  const limitMs = (calls / PER_10S) * 10_000;
  return `The gateway starts at most ${budget} calls in any rolling 10 s, so its last call cannot start before 10 s × ⌊(${count(calls)} − 1) / ${budget}⌋ = ${seconds(lastStartMs)} (${(lastStartMs / limitMs).toFixed(2)}× the reference): the headroom alone costs that much, and the pass took ${seconds(wallMs - lastStartMs)} beyond it.`;
}
