import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import express from 'express';
import { pino } from 'pino';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import { Secret } from '../../src/config/secret.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import { startServer } from '../../src/server/start-server.ts';
import { groupReceive } from '../../webhooks/group-receive.ts';
import type { Store } from '../../src/store/store.ts';
import { withBackend, type BackendKind, type BenchBackend } from './bench-backend.ts';
import type { BenchRow, BenchSection } from './bench-section.ts';
import { openBenchStore, POSTGRES_POOL_SIZE, type StoreAt } from './bench-store.ts';
import type { Measurement } from './measure.ts';
import { count, figuresOf } from './rescore-figures.ts';
import { tempDir } from './rescore-world.ts';
import type { LoadCommand, LoadReply, LoadResult, LoadSetup } from './webhook-load.ts';

const LOAD = new URL('./webhook-load.ts', import.meta.url);
const SECRET = 'bench-webhook-secret-7e2a';
const PUBLIC_URL = 'https://vitals.example.com';
const PATH = '/webhooks/hubspot';
const PORTAL_ID = 62_515;
const EVENTS = 10;
/** Requests in flight: enough to keep the server's one thread busy (see the notes). */
const CONCURRENCY = 8;
/** One run of each route at this concurrency too, to show the choice. */
const PROBE_CONCURRENCY = 32;
const WARMUP_MS = 2_000;
const RUN_MS = 2_000;
const RUNS = 5;
const TARGET_RPS = 1_500;
const TARGET_P99_MS = 50;
const TARGET_SHARE = 50;

export interface WebhookIntakeOptions {
  concurrency?: number;
  runs?: number;
  runMs?: number;
  /** Log each request at info level as `vitals serve` does (to a sink that drops the lines). */
  logRequests?: boolean;
  /** The inbox's store (the floor route's too): SQLite by default. */
  backend?: BackendKind;
}

type Settings = Required<WebhookIntakeOptions>;

/**
 * POST /webhooks/hubspot on the real app (signature checked, 10 events committed to the inbox
 * per request, on SQLite or PostgreSQL) beside a bare express route that answers 204 unchecked,
 * under the same sustained load from a worker thread, over loopback.
 */
export async function webhookIntake(options: WebhookIntakeOptions = {}): Promise<BenchSection> {
  const settings: Settings = {
    concurrency: options.concurrency ?? CONCURRENCY,
    runs: options.runs ?? RUNS,
    runMs: options.runMs ?? RUN_MS,
    logRequests: options.logRequests ?? true,
    backend: options.backend ?? 'sqlite',
  };
  const dir = tempDir('webhooks');
  try {
    return await withBackend(settings.backend, dir.path, async (backend) => {
      const storeAt = await backend.storeAt('intake');
      const store = timedStore(await openBenchStore(storeAt));
      try {
        const app = await startApp(store, dir.path, settings.logRequests);
        try {
          const bare = await startBare();
          const floorStore = await openBenchStore(await backend.storeAt('floor'));
          const floor = await startFloor(floorStore);
          try {
            const load = startLoad();
            try {
              const measured = await measureRoutes(
                load,
                { app: app.url, bare: bare.url, floor: floor.url },
                store,
                settings,
                backend.serverCpuMs,
              );
              const stored = await storeAfter(store, backend, storeAt, measured);
              return section(measured, stored, settings, backend);
            } finally {
              await load.close();
            }
          } finally {
            await floor.close();
            await floorStore.close();
            await bare.close();
          }
        } finally {
          await app.close();
        }
      } finally {
        await store.close();
      }
    });
  } finally {
    dir.remove();
  }
}

type TimedStore = Store & { receiveMs(): number; receiveCalls(): number };

/**
 * The store as it is, with the time its inbox commits took added up (to say what dominates),
 * and how many there were (a commit takes every delivery that reached it in the same turn).
 */
function timedStore(store: Store): TimedStore {
  let ms = 0;
  let calls = 0;
  return {
    ...store,
    receiveEvents: async (portal, events) => {
      const started = performance.now();
      try {
        return await store.receiveEvents(portal, events);
      } finally {
        ms += performance.now() - started;
        calls += 1;
      }
    },
    receiveMs: () => ms,
    receiveCalls: () => calls,
  };
}

/** The app as `vitals serve` starts it; the inbox worker is not measured, so nothing wakes. */
async function startApp(store: Store, path: string, logRequests: boolean) {
  const config = resolveConfig({}, { env: { VITALS_DATA_DIR: path }, cwd: path, file: null });
  const log = logRequests
    ? pino(
        { base: { name: 'vitals-card-api' }, timestamp: pino.stdTimeFunctions.isoTime },
        { write: () => undefined },
      )
    : pino({ level: 'silent' });
  return startServer(
    {
      store,
      portal: String(PORTAL_ID),
      // The intake never calls HubSpot.
      gateway: {} as never,
      config,
      model: compileModel(config.model),
      plays: null,
      clientSecret: new Secret(SECRET),
      publicUrl: PUBLIC_URL,
      log,
      onWebhookEvents: () => undefined,
    },
    { port: 0, host: '127.0.0.1' },
  );
}

/** The floor: express reads the body as the intake does, then answers 204 with no check. */
async function startBare(): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  app.post(PATH, express.raw({ type: () => true, limit: '1mb' }), (_req, res) => {
    res.status(204).end();
  });
  const server = createHttpServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

/**
 * The floor of any intake that answers only once the events are stored: the bare route plus the
 * same inbox commit (grouped the same way), with no signature check, no schema, no app middleware
 * and no log line. What the real intake spends above this is its checks.
 */
async function startFloor(store: Store): Promise<{ url: string; close(): Promise<void> }> {
  const receive = groupReceive((portal, events) => store.receiveEvents(portal, events));
  const app = express();
  app.disable('x-powered-by');
  app.post(PATH, express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const events = (JSON.parse(String(req.body)) as FloorEvent[]).map((event) => ({
      eventId: String(event.eventId),
      subscriptionType: event.subscriptionType,
      objectId: String(event.objectId),
      occurredAt: new Date(event.occurredAt).toISOString(),
      state: 'received' as const,
      payload: event,
    }));
    await receive(String(PORTAL_ID), events);
    res.status(204).end();
  });
  const server = createHttpServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

interface FloorEvent {
  eventId: number;
  subscriptionType: string;
  objectId: number;
  occurredAt: number;
}

interface Load {
  ask(command: LoadCommand): Promise<LoadReply>;
  close(): Promise<void>;
}

/** The load generator in its own thread, so the servers have this one to themselves. */
function startLoad(): Load {
  const setup: LoadSetup = {
    secret: SECRET,
    publicUrl: PUBLIC_URL,
    path: PATH,
    portalId: PORTAL_ID,
    eventsPerRequest: EVENTS,
  };
  const worker = new Worker(LOAD, { workerData: setup });
  return {
    ask: (command) =>
      new Promise((resolve, reject) => {
        const onError = (error: Error) => {
          worker.off('message', onMessage);
          reject(error);
        };
        const onMessage = (reply: LoadReply) => {
          worker.off('error', onError);
          if (reply.kind === 'failed') reject(new Error(`The load generator: ${reply.message}`));
          else resolve(reply);
        };
        worker.once('message', onMessage);
        worker.once('error', onError);
        worker.postMessage(command);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

interface Run extends LoadResult {
  /** How busy the servers' thread was during the run, 0–1. */
  busy: number;
  /** Time spent in the inbox commits during the run (awaiting them, on PostgreSQL). */
  receiveMs: number;
  /** Inbox commits during the run. */
  receiveCalls: number;
  /** CPU the database server's processes used during the run; null on SQLite. */
  serverCpuMs: number | null;
}

interface Route {
  url: string;
  /** The intake stores each eventId once, so it gets deliveries never sent before. */
  fresh: boolean;
}

interface Measured {
  bare: Run[];
  intake: Run[];
  floor: Run[];
  /** One run of each at PROBE_CONCURRENCY. */
  probe: { bare: Run; intake: Run };
  /** Every request the intake answered 204, warm-up and probe included. */
  intakeRequests: number;
  /** A delivery's body, in bytes (mean). */
  bodyBytes: number;
  signMs: number;
}

async function measureRoutes(
  load: Load,
  urls: { app: string; bare: string; floor: string },
  store: TimedStore,
  { concurrency, runs, runMs }: Settings,
  serverCpuMs: (() => number) | null,
): Promise<Measured> {
  const bare: Route = { url: urls.bare, fresh: false };
  const intake: Route = { url: urls.app, fresh: true };
  const floor: Route = { url: urls.floor, fresh: true };
  let signMs = 0;
  let bodyBytes = 0;
  let intakeRequests = 0;
  // The bare route's rate bounds the intake's, so signing for the best rate seen never runs short.
  let ceiling = 10_000;
  const once = async (route: Route, ms: number, inFlight = concurrency): Promise<Run> => {
    if (route.fresh) {
      // Untimed: enough fresh deliveries for the run, and a fifth more.
      const unused = Math.ceil((ceiling * ms * 1.2) / 1000);
      const signed = await load.ask({ kind: 'sign', unused });
      if (signed.kind !== 'signed') throw new Error(`The load generator answered ${signed.kind}.`);
      signMs += signed.ms;
      bodyBytes = signed.bytes;
    }
    const elu = performance.eventLoopUtilization();
    const receiveMs = store.receiveMs();
    const receiveCalls = store.receiveCalls();
    const serverCpu = serverCpuMs?.() ?? null;
    const reply = await load.ask({
      kind: 'run',
      url: route.url,
      concurrency: inFlight,
      durationMs: ms,
      fresh: route.fresh,
    });
    if (reply.kind !== 'ran') throw new Error(`The load generator answered ${reply.kind}.`);
    const run: Run = {
      ...reply.result,
      busy: performance.eventLoopUtilization(elu).utilization,
      receiveMs: store.receiveMs() - receiveMs,
      receiveCalls: store.receiveCalls() - receiveCalls,
      serverCpuMs: serverCpu === null ? null : serverCpuMs!() - serverCpu,
    };
    if (route === intake) intakeRequests += run.requests;
    ceiling = Math.max(ceiling, rate(run));
    return run;
  };
  // The intake first: the bare route cycles through the deliveries signed for it.
  await once(intake, WARMUP_MS);
  await once(bare, WARMUP_MS);
  await once(floor, WARMUP_MS);
  const results = { bare: [] as Run[], intake: [] as Run[], floor: [] as Run[] };
  // Rotating which goes first, so a drift in the machine touches all alike.
  const order = [bare, intake, floor] as const;
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < order.length; i++) {
      const route = order[(run + i) % order.length]!;
      const result = await once(route, runMs);
      if (route === bare) results.bare.push(result);
      else if (route === intake) results.intake.push(result);
      else results.floor.push(result);
    }
  }
  const probe = {
    bare: await once(bare, runMs, PROBE_CONCURRENCY),
    intake: await once(intake, runMs, PROBE_CONCURRENCY),
  };
  return { ...results, probe, intakeRequests, bodyBytes, signMs };
}

function rate(result: LoadResult): number {
  return (result.requests * 1000) / result.elapsedMs;
}

function percentile(result: LoadResult, p: number): number {
  const sorted = result.latenciesMs;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** Microseconds of the servers' thread per request. */
function busyMicros(run: Run): number {
  return (run.busy * run.elapsedMs * 1000) / run.requests;
}

interface StoreAfter {
  rows: number;
  /** What the store takes on disk, in words. */
  footprint: string;
}

/** What the intake left: every event of every 204 must be in the inbox. */
async function storeAfter(
  store: Store,
  backend: BenchBackend,
  at: StoreAt,
  measured: Measured,
): Promise<StoreAfter> {
  const counts = await store.inboxCounts(String(PORTAL_ID));
  const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (rows !== measured.intakeRequests * EVENTS) {
    throw new Error(
      `The inbox holds ${rows} events, not the ${measured.intakeRequests * EVENTS} the intake answered 204 for.`,
    );
  }
  return { rows, footprint: (await backend.footprint(at)).words };
}

function section(
  measured: Measured,
  stored: StoreAfter,
  settings: Settings,
  backend: BenchBackend,
): BenchSection {
  const { bare, intake, floor, probe } = measured;
  const of = (runs: Run[], figure: (r: Run) => number): Measurement => figuresOf(runs.map(figure));
  const p50 = (r: Run) => percentile(r, 0.5);
  const p99 = (r: Run) => percentile(r, 0.99);
  const bareRate = of(bare, rate);
  const intakeRate = of(intake, rate);
  const bareP50 = of(bare, p50);
  const bareP99 = of(bare, p99);
  const intakeP50 = of(intake, p50);
  const intakeP99 = of(intake, p99);
  // Each run of the intake against the bare route's run next to it.
  const share = figuresOf(intake.map((r, i) => (100 * rate(r)) / rate(bare[i]!)));
  const floorRate = of(floor, rate);
  const floorShare = figuresOf(floor.map((r, i) => (100 * rate(r)) / rate(bare[i]!)));
  const late = [...intake, probe.intake].reduce((sum, r) => sum + r.signedLate, 0);
  const rows: BenchRow[] = [
    { figure: 'Bare express route, requests/s', unit: 'req/s', measurement: bareRate },
    {
      figure: `Intake, signed requests/s (${EVENTS} events each)`,
      unit: 'req/s',
      measurement: intakeRate,
      reference: { label: 'bare route', median: bareRate.median },
      target: { label: `≥ ${count(TARGET_RPS)}`, met: intakeRate.median >= TARGET_RPS },
    },
    {
      figure: 'Intake ÷ bare route, requests/s (run by run)',
      unit: '%',
      measurement: share,
      target: { label: `≥ ${TARGET_SHARE}`, met: share.median >= TARGET_SHARE },
    },
    {
      figure: 'Floor: bare route + the same inbox commit, no checks, requests/s',
      unit: 'req/s',
      measurement: floorRate,
      reference: { label: 'bare route', median: bareRate.median },
    },
    {
      figure: 'Floor ÷ bare route, requests/s (run by run)',
      unit: '%',
      measurement: floorShare,
    },
    { figure: 'Bare express route, p50 time to 204', unit: 'ms', measurement: bareP50 },
    {
      figure: 'Intake, p50 time to 204',
      unit: 'ms',
      measurement: intakeP50,
      reference: { label: 'bare route', median: bareP50.median },
    },
    { figure: 'Bare express route, p99 time to 204', unit: 'ms', measurement: bareP99 },
    {
      figure: 'Intake, p99 time to 204',
      unit: 'ms',
      measurement: intakeP99,
      reference: { label: 'bare route', median: bareP99.median },
      target: { label: `< ${TARGET_P99_MS}`, met: intakeP99.median < TARGET_P99_MS },
    },
  ];
  const ms = (m: Measurement) =>
    `${m.median.toFixed(2)} ms (runs ${m.min.toFixed(2)}–${m.max.toFixed(2)})`;
  // Where the servers' thread went, per request, in the intake's runs.
  const intakeMicros = of(intake, busyMicros).median;
  const bareMicros = of(bare, busyMicros).median;
  const commitMicros = of(intake, (r) => (r.receiveMs * 1000) / r.requests).median;
  const commits: Commits = {
    serverMicros: intake.every((r) => r.serverCpuMs !== null)
      ? of(intake, (r) => (r.serverCpuMs! * 1000) / r.requests).median
      : null,
    perRequestMicros: commitMicros,
    eachMs: of(intake, (r) => r.receiveMs / r.receiveCalls).median,
    deliveriesEach: of(intake, (r) => r.requests / r.receiveCalls).median,
  };
  const busy = { intake: of(intake, (r) => r.busy).median, bare: of(bare, (r) => r.busy).median };
  const probeLine = (label: string, main: Measurement, mainP50: Measurement, r: Run) =>
    `${label} ${whole(rate(r))} req/s, p50 ${percentile(r, 0.5).toFixed(1)} ms, p99 ${percentile(r, 0.99).toFixed(1)} ms (at ${settings.concurrency}: ${whole(main.median)} req/s, p50 ${mainP50.median.toFixed(1)} ms)`;
  return {
    title: `Webhook intake throughput (POST /webhooks/hubspot, ${EVENTS} events a request, ${backend.label} inbox)`,
    rows,
    notes: [
      `Targets: ≥ ${count(TARGET_RPS)} signed requests/s of ${EVENTS} events each, p99 time to 204 under ${TARGET_P99_MS} ms, and ≥ ${TARGET_SHARE}% (${TARGET_SHARE / 100}×) of the requests/s of a bare express route that reads the body and answers 204 unchecked, the two measured side by side in one run on ${cpus().length} cores.`,
      `The intake is the real app (\`startServer\` with \`createServer\`'s deps, as \`vitals serve\` runs it): v3 signature checked on the raw body, the events parsed and validated, all ${EVENTS} committed to the ${inboxWords(backend)} before the 204; ${settings.logRequests ? "each request logged at info level as `vitals serve` does, into a sink that drops the lines (pino's serialisation counted, the write to stderr not)" : 'logging off'}; \`onWebhookEvents\` a no-op (the inbox worker is not measured). The bare route (\`express.raw\`, then 204) listens in the same process, on another port; so does the floor route: \`express.raw\`, \`JSON.parse\`, the same grouped commit into its own ${backend.label} inbox${backend.kind === 'postgres' ? ' (another database on the same server)' : ''}, then 204, with no signature check, schema, middleware or log line. The floor is the most any intake that stores before it answers could reach on this thread: ${whole(floorRate.median)} req/s, ${Math.round(floorShare.median)}% of the bare route.`,
      `Load: a worker thread (\`test/bench/webhook-load.ts\`) keeps ${settings.concurrency} requests in flight over ${settings.concurrency} keep-alive loopback connections (node:http Agent) for ${settings.runMs / 1000} s a run; ${settings.runs} runs per route after a ${WARMUP_MS / 1000} s warm-up of each, the routes rotating which goes first. Every request is a delivery signed as HubSpot signs it (${EVENTS} events, ${count(Math.round(measured.bodyBytes))} bytes of JSON), with eventIds never sent before for the intake; all were signed before the timing (${(measured.signMs / 1000).toFixed(1)} s, untimed${late > 0 ? `; ${count(late)} ran out and were signed during the runs` : ''}). Requests/s is the 204s over the run, first send to last answer; time to 204 is from sending to the whole answer received, its p50 and p99 taken per run; each figure is the median of the runs. Exact: intake p50 ${ms(intakeP50)}, p99 ${ms(intakeP99)}; bare route p50 ${ms(bareP50)}, p99 ${ms(bareP99)}.`,
      `${whyInFlight(settings, backend, busy)} One run of each at ${PROBE_CONCURRENCY}, for comparison: ${probeLine('bare route', bareRate, bareP50, probe.bare)}; ${probeLine('intake', intakeRate, intakeP50, probe.intake)}.`,
      whereTimeGoes(backend, { intake: intakeMicros, bare: bareMicros }, commits),
      `Store after the section: ${count(stored.rows)} inbox rows (one per event the intake answered 204 for, warm-up and probe included; checked); the ${backend.label} store: ${stored.footprint}.`,
      ...(backend.note ? [backend.note] : []),
    ],
  };
}

/** How the inbox commits, per backend. */
function inboxWords(backend: BenchBackend): string {
  return backend.kind === 'sqlite'
    ? 'SQLite inbox (WAL, synchronous NORMAL; the deliveries that reach the store in the same turn of the event loop share one immediate transaction, `webhooks/group-receive.ts`)'
    : `PostgreSQL inbox (the deliveries that reach the store in the same turn of the event loop share one INSERT, autocommitted on a pooled connection, \`webhooks/group-receive.ts\`; while a commit waits on the server the thread takes more requests, whose own commits go out on other connections, up to the pool's ${POSTGRES_POOL_SIZE})`;
}

function whyInFlight(
  settings: Settings,
  backend: BenchBackend,
  busy: { intake: number; bare: number },
): string {
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  const kept = `${settings.concurrency} kept the servers' one main thread busy ${pct(busy.intake)} of the intake's runs and ${pct(busy.bare)} of the bare route's`;
  return backend.kind === 'sqlite'
    ? `Why ${settings.concurrency} in flight: both servers run on the process's one main thread, which ${settings.concurrency} already kept busy ${pct(busy.intake)} of the intake's runs and ${pct(busy.bare)} of the bare route's; more in flight mostly queue, raising latency more than requests/s.`
    : `${settings.concurrency} in flight as on SQLite, so the two sections compare: ${kept}; a request on PostgreSQL also waits on the server, which more in flight can overlap.`;
}

interface Commits {
  /** CPU the database server used per intake request (µs); null on SQLite. */
  serverMicros: number | null;
  /** Microseconds from calling `receiveEvents` to its answer, per intake request. */
  perRequestMicros: number;
  /** Milliseconds per commit, call to answer. */
  eachMs: number;
  /** Deliveries (requests) a commit took, on average. */
  deliveriesEach: number;
}

/**
 * Where the servers' thread went. SQLite commits on the thread, so the commit's time is the
 * thread's and splits off; a PostgreSQL commit is mostly a wait on the server, during which the
 * thread serves other requests, so its time overlaps theirs and does not split off the same way.
 */
function whereTimeGoes(
  backend: BenchBackend,
  micros: { intake: number; bare: number },
  commits: Commits,
): string {
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  const thread = `the servers' thread spent ${whole(micros.intake)} µs per intake request against ${whole(micros.bare)} µs per bare one.`;
  const grouped = `A commit took ${commits.deliveriesEach.toFixed(1)} deliveries on average (the grouping above)`;
  if (backend.kind === 'sqlite') {
    const restMicros = micros.intake - commits.perRequestMicros;
    return `Where the time goes: ${thread} The inbox commit (\`store.receiveEvents\`, timed around the real store) took ${whole(commits.perRequestMicros)} µs of it (${pct(commits.perRequestMicros / micros.intake)}); the other ${whole(restMicros)} µs are express with the app's middleware, the signature check, and parsing and validating the events. So even a commit that took no time would leave the intake at about ${(micros.bare / restMicros).toFixed(2)}× the bare route (an estimate from these per-request times). ${grouped}.`;
  }
  return `Where the time goes: ${thread} The inbox commits (\`store.receiveEvents\`, timed around the real store from call to answer) took ${commits.eachMs.toFixed(2)} ms each, ${whole(commits.perRequestMicros)} µs per request; most of that is a wait on the server (the INSERT, its WAL flush, the round trip), not the thread's, which serves other requests meanwhile: so it overlaps the thread's time and is not a share of it. ${grouped}.${commits.serverMicros === null ? '' : ` The PostgreSQL server's processes used ${whole(commits.serverMicros)} µs of CPU per intake request besides (read from /proc: the backends, WAL writer and the rest), so a request took about ${whole(micros.intake + commits.serverMicros)} µs of the machine's ${cpus().length} cores, the load generator's thread aside.`}`;
}

function whole(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
