// The webhook benchmark's load generator, run in a worker thread by webhook-intake.ts so the
// servers have the main thread to themselves. It signs deliveries as HubSpot does (before any
// timing), then keeps N keep-alive POSTs in flight for a fixed time and answers the figures.
import { Agent, request, type OutgoingHttpHeaders } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { signLikeHubSpot } from '../unit/server/sign-like-hubspot.ts';
import { mulberry32 } from './mulberry32.ts';

export interface LoadSetup {
  secret: string;
  /** The origin HubSpot signs, e.g. https://vitals.example.com. */
  publicUrl: string;
  path: string;
  portalId: number;
  eventsPerRequest: number;
}

export type LoadCommand =
  /** Signs deliveries until at least `unused` are waiting for the intake. */
  | { kind: 'sign'; unused: number }
  /**
   * Keeps `concurrency` requests in flight to `url` + path for `durationMs`. `fresh` takes
   * deliveries never sent before (the intake stores each eventId once); otherwise it cycles.
   */
  | { kind: 'run'; url: string; concurrency: number; durationMs: number; fresh: boolean };

export type LoadReply =
  | { kind: 'signed'; unused: number; ms: number; bytes: number }
  | { kind: 'ran'; result: LoadResult }
  | { kind: 'failed'; message: string };

export interface LoadResult {
  /** Requests answered 204 in the run. */
  requests: number;
  /** From the first request sent to the last answer received. */
  elapsedMs: number;
  /** Each request's time from sending to the whole 204 received, sorted ascending. */
  latenciesMs: Float64Array;
  /** Deliveries signed during the run because the signed ones ran out (0 when sized right). */
  signedLate: number;
}

interface Delivery {
  body: Buffer;
  headers: OutgoingHttpHeaders;
}

const SUBSCRIPTIONS = [
  { subscriptionType: 'company.propertyChange', propertyName: 'hs_num_open_deals' },
  { subscriptionType: 'company.propertyChange', propertyName: 'lifecyclestage' },
  { subscriptionType: 'contact.propertyChange', propertyName: 'hs_buying_role' },
] as const;

const setup = workerData as LoadSetup;
const random = mulberry32(20_261_116);
const deliveries: Delivery[] = [];
let nextEventId = 1_000_000_001;
/** The next delivery never sent (fresh runs); cycling runs start from 0 each time. */
let cursor = 0;
const agents = new Map<string, Agent>();

/** A delivery of `eventsPerRequest` events as HubSpot sends it, eventIds never used before. */
function signDelivery(): Delivery {
  const occurredAt = Date.now();
  const events = Array.from({ length: setup.eventsPerRequest }, () => {
    const sub = SUBSCRIPTIONS[Math.floor(random() * SUBSCRIPTIONS.length)]!;
    return {
      eventId: nextEventId++,
      subscriptionId: 2_410_001,
      portalId: setup.portalId,
      appId: 3_100_042,
      occurredAt,
      subscriptionType: sub.subscriptionType,
      attemptNumber: 0,
      objectId: 10_000_000 + Math.floor(random() * 100_000),
      propertyName: sub.propertyName,
      propertyValue: String(Math.floor(random() * 20)),
      changeSource: 'CRM_UI',
      sourceId: 'userId:8812345',
    };
  });
  const text = JSON.stringify(events);
  const timestamp = String(Date.now());
  const signature = signLikeHubSpot({
    secret: setup.secret,
    method: 'POST',
    uri: setup.publicUrl + setup.path,
    body: text,
    timestamp,
  });
  const body = Buffer.from(text, 'utf8');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'content-length': body.length,
      'x-hubspot-signature-v3': signature,
      'x-hubspot-request-timestamp': timestamp,
    },
  };
}

function sign(unused: number): LoadReply {
  const started = performance.now();
  while (deliveries.length - cursor < unused) deliveries.push(signDelivery());
  const bytes = deliveries.reduce((sum, d) => sum + d.body.length, 0) / deliveries.length;
  return {
    kind: 'signed',
    unused: deliveries.length - cursor,
    ms: performance.now() - started,
    bytes,
  };
}

async function run(command: Extract<LoadCommand, { kind: 'run' }>): Promise<LoadResult> {
  const { hostname, port } = new URL(command.url);
  const key = `${command.url} ${command.concurrency}`;
  // One agent per server and concurrency, kept between runs: the warm-up opens its sockets.
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: command.concurrency });
    agents.set(key, agent);
  }
  if (!command.fresh && deliveries.length === 0)
    throw new Error('Nothing signed to cycle through.');
  const latencies: number[] = [];
  let signedLate = 0;
  let cycle = 0;
  const next = (): Delivery => {
    if (!command.fresh) return deliveries[cycle++ % deliveries.length]!;
    if (cursor === deliveries.length) {
      deliveries.push(signDelivery());
      signedLate++;
    }
    return deliveries[cursor++]!;
  };
  const started = performance.now();
  const deadline = started + command.durationMs;
  const lane = async () => {
    while (performance.now() < deadline) {
      const delivery = next();
      const sent = performance.now();
      await post(agent, hostname, Number(port), delivery);
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, lane));
  const elapsedMs = performance.now() - started;
  return {
    requests: latencies.length,
    elapsedMs,
    latenciesMs: Float64Array.from(latencies).sort(),
    signedLate,
  };
}

/** One POST; resolves once the whole 204 is in, rejects on any other answer. */
function post(agent: Agent, host: string, port: number, delivery: Delivery): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host, port, path: setup.path, method: 'POST', headers: delivery.headers },
      (res) => {
        if (res.statusCode === 204) {
          res.on('end', resolve);
          res.resume();
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          reject(
            new Error(
              `POST ${setup.path} answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`,
            ),
          ),
        );
      },
    );
    req.on('error', reject);
    req.end(delivery.body);
  });
}

parentPort!.on('message', (command: LoadCommand) => {
  const answer = async (): Promise<LoadReply> => {
    if (command.kind === 'sign') return sign(command.unused);
    return { kind: 'ran', result: await run(command) };
  };
  answer().then(
    (reply) => {
      // Float64Array.from made the buffer: an ArrayBuffer, never a shared one.
      const transfer = reply.kind === 'ran' ? [reply.result.latenciesMs.buffer as ArrayBuffer] : [];
      parentPort!.postMessage(reply, transfer);
    },
    (error: unknown) =>
      parentPort!.postMessage({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      } satisfies LoadReply),
  );
});
