import { join } from 'node:path';
import { pino } from 'pino';
import { CARD_PATHS, companyCardSchema } from '../../extensions/app/cards/card-contract.ts';
import { sandboxPlaySettings } from '../../src/app/sandbox-play-settings.ts';
import { Secret } from '../../src/config/secret.ts';
import { runRescore, type RescorePlays } from '../../src/jobs/run-rescore.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import { HISTORY_DAYS } from '../../src/server/company-card.ts';
import { startServer } from '../../src/server/start-server.ts';
import type { Store } from '../../src/store/store.ts';
import { postgresUrl, withBackend, type BackendKind, type BenchBackend } from './bench-backend.ts';
import { query } from './postgres-query.ts';
import type { BenchSection } from './bench-section.ts';
import { openBenchStore } from './bench-store.ts';
import { historyPlan } from './card-history-plan.ts';
import { mulberry32 } from './mulberry32.ts';
import { benchConfig, benchGateway, NO_WAITS, rescoreDeps } from './rescore-client.ts';
import { count, figuresOf } from './rescore-figures.ts';
import { preparePortal, servePortal, tempDir, UNLIMITED } from './rescore-world.ts';
import { cardTemplates, fillCardStore } from './card-api-store.ts';
import { signedGet } from './signed-get.ts';
import { timedStore, type StoreCallTime } from './timed-store.ts';

const COMPANIES = 100_000;
const TEMPLATE_COMPANIES = 300;
const REQUESTS = 500;
const RUNS = 5;
const WARMUP = 200;
const TARGET_MS = 100;
const DAY_MS = 24 * 60 * 60 * 1000;
const SECRET = 'bench-card-api-secret';
const PUBLIC_URL = 'https://vitals.example.com';

export interface CardApiOptions {
  /** The store the server reads: SQLite by default. */
  backend?: BackendKind;
  /** Companies in the store; fewer make a quick smoke run. */
  companies?: number;
}

/** GET /api/cards/companies/:id over loopback, signed, on a store holding 100,000 companies. */
export async function cardApiLatency({
  backend: kind = 'sqlite',
  companies = COMPANIES,
}: CardApiOptions = {}): Promise<BenchSection> {
  const dir = tempDir('card-api');
  try {
    const { templates, plays, config } = await realCards(dir.path);
    return await withBackend(kind, dir.path, async (backend) => {
      const at = await backend.storeAt('store');
      const store = await openBenchStore(at);
      try {
        const now = new Date();
        const fill = await fillCardStore(store, templates, companies, now);
        if (backend.kind === 'postgres') await analyze(postgresUrl(at));
        const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS).toISOString();
        const plan = await historyPlan(at, fill.ids[0]!, since);
        // Timed around the real store, to say how much of a card is waiting on it.
        const timed = timedStore(store);
        const server = await startCardServer(timed.store, plays, config);
        try {
          const serverCpu = backend.serverCpuMs?.() ?? null;
          const { runs, storeTimes } = await timeRuns(server.url, fill.ids, timed.times);
          // Warm-up included: the requests are alike, and the per-card figure is a mean.
          const serverCpuMs = serverCpu === null ? null : backend.serverCpuMs!() - serverCpu;
          const footprint = (await backend.footprint(at)).words;
          return section(runs, {
            companies,
            fill,
            plan,
            footprint,
            backend,
            storeTimes,
            serverMicrosPerCard:
              serverCpuMs === null ? null : (serverCpuMs * 1000) / (WARMUP + RUNS * REQUESTS),
          });
        } finally {
          await server.close();
        }
      } finally {
        await store.close();
      }
    });
  } finally {
    dir.remove();
  }
}

/**
 * Fresh statistics for the filled tables, as autovacuum would gather soon after so many rows:
 * taken before the timing, so the planner does not change its mind in the middle of a run.
 */
async function analyze(url: string): Promise<void> {
  await query(url, 'ANALYZE');
}

/** The app's server as `vitals serve` starts it, on `store`; it never calls HubSpot here. */
function startCardServer(
  store: Store,
  plays: RescorePlays,
  config: Awaited<ReturnType<typeof realCards>>['config'],
) {
  return startServer(
    {
      store,
      portal: 'sandbox',
      gateway: {} as never,
      config,
      model: compileModel(config.model),
      plays,
      clientSecret: new Secret(SECRET),
      publicUrl: PUBLIC_URL,
      log: pino({ level: 'silent' }),
    },
    { port: 0, host: '127.0.0.1' },
  );
}

/** Cards as a real pass saves them: a sandbox portal scored with plays, one snapshot each. */
async function realCards(path: string) {
  const sandboxDir = join(path, 'sandbox');
  await preparePortal(sandboxDir, TEMPLATE_COMPANIES);
  const sandbox = await servePortal(sandboxDir, TEMPLATE_COMPANIES, UNLIMITED);
  try {
    const config = benchConfig(path, 250);
    const gateway = benchGateway(sandbox, config, { headroom: NO_WAITS });
    const settings = await sandboxPlaySettings(config.plays, sandbox.portal.sender, gateway);
    const plays: RescorePlays = {
      settings: { ...settings, dailyTaskCapPerOwner: 3 },
      mapping: config.playsMapping,
      leftProperty: 'left_company',
    };
    const { deps, store } = await rescoreDeps(join(path, 'templates'), gateway, config);
    try {
      await runRescore({ ...deps, plays }, { dryRun: false });
      return { templates: await cardTemplates(store, gateway), plays, config };
    } finally {
      await store.close();
    }
  } finally {
    await sandbox.close();
  }
}

interface Run {
  median: number;
  p95: number;
}

/** The timed runs, and what their requests spent awaiting the store, by method. */
async function timeRuns(
  base: string,
  ids: readonly string[],
  storeTimes: () => Record<string, StoreCallTime>,
): Promise<{ runs: Run[]; storeTimes: Record<string, StoreCallTime> }> {
  const random = mulberry32(20_261_123);
  const pick = () => ids[Math.floor(random() * ids.length)]!;
  for (let i = 0; i < WARMUP; i++) await get(base, pick());
  const before = storeTimes();
  const runs: Run[] = [];
  for (let r = 0; r < RUNS; r++) {
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) times.push(await get(base, pick()));
    times.sort((a, b) => a - b);
    runs.push({ median: times[REQUESTS / 2]!, p95: times[Math.ceil(0.95 * REQUESTS) - 1]! });
  }
  const after = storeTimes();
  const during = Object.fromEntries(
    Object.entries(after).map(([name, t]) => [
      name,
      { calls: t.calls - (before[name]?.calls ?? 0), ms: t.ms - (before[name]?.ms ?? 0) },
    ]),
  );
  return { runs, storeTimes: during };
}

/** Milliseconds from sending a signed GET to the whole card received; the card is checked. */
async function get(base: string, id: string): Promise<number> {
  const path = CARD_PATHS.company(id);
  const { ms, status, text } = await signedGet(base, path, {
    secret: SECRET,
    publicUrl: PUBLIC_URL,
  });
  if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${text}`);
  if (companyCardSchema.parse(JSON.parse(text)).companyId !== id)
    throw new Error(`GET ${path} answered another company.`);
  return ms;
}

interface Store100k {
  companies: number;
  fill: Awaited<ReturnType<typeof fillCardStore>>;
  plan: string;
  /** What the filled store takes on disk, in words. */
  footprint: string;
  backend: BenchBackend;
  /** What the timed requests spent awaiting the store, by method. */
  storeTimes: Record<string, StoreCallTime>;
  /** CPU the database server used per card (µs), warm-up included; null on SQLite. */
  serverMicrosPerCard: number | null;
}

function section(
  runs: Run[],
  { companies, fill, plan, footprint, backend, storeTimes, serverMicrosPerCard }: Store100k,
): BenchSection {
  const p95 = figuresOf(runs.map((r) => r.p95));
  const on = backend.kind === 'sqlite' ? '' : ` on ${backend.label}`;
  return {
    title: `Card API latency${on} (GET /api/cards/companies/:id, ${count(companies)} companies in the store)`,
    rows: [
      {
        figure: 'GET card, median latency',
        unit: 'ms',
        measurement: figuresOf(runs.map((r) => r.median)),
      },
      {
        figure: 'GET card, p95 latency',
        unit: 'ms',
        measurement: p95,
        target: { label: `< ${TARGET_MS}`, met: p95.median < TARGET_MS },
      },
    ],
    notes: [
      `Target: p95 under ${TARGET_MS} ms. ${RUNS} runs of ${REQUESTS} signed GETs (HubSpot v3 signature, checked by the server) for companies picked at random, one at a time over loopback after ${WARMUP} warm-up requests; each figure is the median of the runs' medians or 95th percentiles. Latency is from sending the request to the whole card received, the client's signing and the card's schema check left out. Exact: median ${exact(figuresOf(runs.map((r) => r.median)))}, p95 ${exact(p95)}.`,
      `Store (${backend.label}, ${footprint}): ${count(companies)} companies, each with ${fill.rowsPerCompany} score-history rows over the last 90 days (${count(fill.historyRows)} rows), a saved card and the ledger entries of its plays (${count(fill.ledgerEntries)} entries, ${count(fill.doneEntries)} done); filled through the store's API in ${(fill.ms / 1000).toFixed(1)} s${backend.kind === 'postgres' ? ', then ANALYZE (fresh statistics, as autovacuum would gather soon after, before any timing)' : ''}. The cards and ledgers are those a pass with plays saved for ${TEMPLATE_COMPANIES} sandbox companies (daily task cap 3), repeated under new ids (${fill.withPlays}% of companies have plays).`,
      `A card is three store reads: \`companyStates\`, then \`scoreHistory\` and \`ledgerForCompany\` together. Awaiting them, from call to answer, per card (mean over the timed requests): ${storeWords(storeTimes, RUNS * REQUESTS)}${serverMicrosPerCard === null ? '' : `; the PostgreSQL server's processes used ${Math.round(serverMicrosPerCard)} µs of CPU per card (read from /proc)`}. The history query's plan: ${plan}.`,
      ...(backend.note ? [backend.note] : []),
    ],
  };
}

function storeWords(times: Record<string, StoreCallTime>, requests: number): string {
  return Object.entries(times)
    .sort(([, a], [, b]) => b.ms - a.ms)
    .map(
      ([name, t]) =>
        `\`${name}\` ${(t.ms / requests).toFixed(3)} ms (${(t.calls / requests).toFixed(1)} a card)`,
    )
    .join(', ');
}

function exact(m: { median: number; min: number; max: number }): string {
  return `${m.median.toFixed(2)} ms (runs ${m.min.toFixed(2)}–${m.max.toFixed(2)} ms)`;
}
