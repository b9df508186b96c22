import { join } from 'node:path';
import type { BenchRow, BenchSection } from './bench-section.ts';
import type { Measurement } from './measure.ts';
import { count, seconds } from './rescore-figures.ts';
import { preparePortal, tempDir } from './rescore-world.ts';
import { callsOf, measureCalls, type CallsResult } from './webhook-live-calls.ts';
import { measureLatency, type EditTiming, type LatencyResult } from './webhook-live-latency.ts';
import { EDITED_PROPERTY, liveWorld } from './webhook-live-world.ts';

const COMPANIES = 1_000;
const EDITS = 60;
const MEAN_GAP_MS = 1_000;
const POLL_MS = 20;
const TIMEOUT_MS = 10_000;
const TARGET_P95_MS = 2_000;
const TARGET_RATIO = 1.2;
/** The sandbox's default gather (SandboxWebhookOptions.gatherMs), which the worlds keep. */
const GATHER_MS = 1_000;

/**
 * Live rescoring through webhooks, end to end on loopback: a CSM's edit in the sandbox portal,
 * the sandbox's own signed delivery to the real intake, the inbox worker's drain, the new score
 * written back to the portal. How long that takes at one change a second, and what 1,000 changed
 * companies cost in API calls next to a full pass over the same portal.
 */
export async function webhookLive(): Promise<BenchSection> {
  const dir = tempDir('webhook-live');
  try {
    const prepared = join(dir.path, 'prepared');
    await preparePortal(prepared, COMPANIES);
    const world = (name: string, live: boolean) =>
      liveWorld({
        preparedPortal: prepared,
        dir: join(dir.path, name),
        companies: COMPANIES,
        live,
      });

    const latencyWorld = await world('latency', true);
    let latency: LatencyResult;
    let baselineMs: number;
    try {
      const started = performance.now();
      await latencyWorld.runFull();
      baselineMs = performance.now() - started;
      latency = await measureLatency(latencyWorld, {
        edits: EDITS,
        meanGapMs: MEAN_GAP_MS,
        pollMs: POLL_MS,
        timeoutMs: TIMEOUT_MS,
      });
    } finally {
      await latencyWorld.close();
    }

    const live = await world('calls-live', true);
    let calls: CallsResult;
    try {
      const pass = await world('calls-pass', false);
      try {
        await live.runFull();
        await pass.runFull();
        calls = await measureCalls(live, pass);
      } finally {
        await pass.close();
      }
    } finally {
      await live.close();
    }
    return section(latency, baselineMs, calls);
  } finally {
    dir.remove();
  }
}

/** Nearest rank: the smallest value with at least p of them at or below it. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function sortedOf(timings: EditTiming[], pick: (t: EditTiming) => number | null): number[] {
  return timings
    .map(pick)
    .filter((v) => v !== null)
    .sort((a, b) => a - b);
}

/** A percentile of the edits as the figure, with their min and max beside it. */
function at(sorted: readonly number[], p: number): Measurement {
  return {
    median: percentile(sorted, p),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    runs: sorted.length,
  };
}

function section(latency: LatencyResult, baselineMs: number, calls: CallsResult): BenchSection {
  const written = sortedOf(latency.timings, (t) => t.writtenMs);
  const seen = sortedOf(latency.timings, (t) => t.seenMs);
  const delivered = sortedOf(latency.timings, (t) => t.deliveredMs);
  const drain = sortedOf(latency.timings, (t) =>
    t.writtenMs === null || t.deliveredMs === null ? null : t.writtenMs - t.deliveredMs,
  );
  const missed = latency.timings.length - written.length;
  const p95 = percentile(written, 0.95);
  const liveCalls = callsOf(calls.live);
  const passCalls = callsOf(calls.pass);
  const one = (n: number): Measurement => ({ median: n, min: n, max: n, runs: 1 });
  const rows: BenchRow[] = [
    {
      figure: 'Edit → new health_score in the portal, p50',
      unit: 'ms',
      measurement: at(written, 0.5),
    },
    {
      figure: 'Edit → new health_score in the portal, p95',
      unit: 'ms',
      measurement: at(written, 0.95),
      target: {
        label: `< ${count(TARGET_P95_MS)}`,
        met: missed === 0 && p95 < TARGET_P95_MS,
      },
    },
    {
      figure: 'Edit → delivery committed to the inbox (gather, POST, commit), p50',
      unit: 'ms',
      measurement: at(delivered, 0.5),
    },
    {
      figure: 'Delivery committed → new health_score in the portal (drain), p50',
      unit: 'ms',
      measurement: at(drain, 0.5),
    },
    {
      figure: `API calls, ${count(calls.companies)} changed companies through webhooks`,
      unit: 'calls',
      measurement: one(liveCalls),
      reference: { label: `full pass over ${count(COMPANIES)}`, median: passCalls },
      target: {
        label: `≤ ${count(Math.floor(TARGET_RATIO * passCalls))}`,
        met: liveCalls <= TARGET_RATIO * passCalls,
      },
    },
  ];
  const ms = (n: number) => `${count(Math.round(n))} ms`;
  const byEndpoint = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([k, n]) => `${k} ${count(n)}`)
      .join(', ');
  const drainSizes = calls.drains.map(
    (d) => `${count(d.events)} events/${count(d.companies)} companies`,
  );
  return {
    title: `Live rescoring through webhooks (sandbox portal, ${count(COMPANIES)} companies, the sandbox's own deliveries)`,
    rows,
    notes: [
      `Targets: from a CSM's edit to the new score written in the portal, p95 under ${count(TARGET_P95_MS)} ms at one change a second; ${count(calls.companies)} changed companies cost at most ${TARGET_RATIO}× the API calls of one full pass over the same ${count(COMPANIES)}-company portal.`,
      `The world is \`vitals start\` on the sandbox, in one process on loopback: the sandbox portal started with \`webhooks\` as \`sandboxServing\` wires them (its own client secret, \`deliverTo\` the local intake, the subscriptions \`webhookSubscriptions(config)\` generates; gatherMs ${count(GATHER_MS)} ms, delayMs 0, as the defaults), the real server (\`startServer\` with \`createServer\`'s deps, signature checked) whose \`onWebhookEvents\` wakes the inbox worker (\`startInboxWorker\`, default drain options), plays on with the demo portal's sender and sequences. Gateway waits lifted and the sandbox's rate limit out of reach, as in the rescore sections; the store's and the runs' clock is the portal's reference day.`,
      `Latency: after the baseline full pass (${seconds(baselineMs)}), ${count(EDITS)} edits of \`${EDITED_PROPERTY}\` as \`vitals sandbox change\` makes them (CRM_UI, written straight to the portal file), each to another company spread over the portal, and each to 5 or 150 (the signal's worst or best band), whichever moves that company's score by the model's own reading of the portal (${count(latency.movable)} of the ${count(COMPANIES)} companies have such an edit; the reading is checked against the score the baseline wrote), one every 0.5–1.5 s at random (mean ${count(MEAN_GAP_MS)} ms, so the edits fall at every point of the sandbox's gather cycle), ${seconds(latency.elapsedMs)} in all. The figure is from the edit to the health_score write as the sandbox stamped it in its property history; a poll of that history every ${POLL_MS} ms saw it p50 ${ms(percentile(seen, 0.5))}, p95 ${ms(percentile(seen, 0.95))} after the edit. ${missed === 0 ? 'Every edit' : `${count(written.length)} of ${count(EDITS)} edits (the others none within ${seconds(TIMEOUT_MS)})`} got its new score; max ${ms(written[written.length - 1] ?? Number.NaN)}.`,
      `Where the time goes: the sandbox gathers changes for ${count(GATHER_MS)} ms before it sends them (HubSpot's lag stands behind this; it is part of the path, not an overhead of Vitals), so edit → delivery committed is up to ${count(GATHER_MS)} ms plus the POST: p50 ${ms(percentile(delivered, 0.5))}, p95 ${ms(percentile(delivered, 0.95))}, max ${ms(delivered[delivered.length - 1] ?? Number.NaN)}. The drain that follows (read the company, its associations and contacts, score, write, plays): p50 ${ms(percentile(drain, 0.5))}, p95 ${ms(percentile(drain, 0.95))}, max ${ms(drain[drain.length - 1] ?? Number.NaN)}. ${count(latency.drains)} drains took the ${count(EDITS)} edits with ${count(latency.calls)} API calls (${(latency.calls / Math.max(1, latency.drains)).toFixed(1)} a drain, far inside even the 100-per-10-s tier at this rate).`,
      `API calls: two copies of the same seeded portal, each with its own store and its own baseline full pass. In one, every company was edited once as above (${count(calls.moving)} with an edit that moves the score, the rest with logins set to 5) and the sandbox delivered the ${count(calls.companies)} events (${count(Math.ceil(calls.companies / 100))}+ requests of ≤ 100); the worker took them in ${count(calls.drains.length)} drains (${drainSizes.join('; ')}), ${seconds(calls.liveMs)} from the first edit to the last score written: ${byEndpoint(calls.live)}. In the other, the same edits, then one full pass (${seconds(calls.passMs)}): ${byEndpoint(calls.pass)}. Ratio ${(liveCalls / passCalls).toFixed(2)}×. Afterwards ${calls.scoreMismatches === 0 ? 'every company had the same health_score in both portals' : `**${count(calls.scoreMismatches)} companies had a different health_score in the two portals**`}.`,
    ],
  };
}
