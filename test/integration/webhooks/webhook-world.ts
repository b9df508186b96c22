// The webhook intake's integration world: the real express app on a free port, a real SQLite
// store in a temp dir, and requests signed as HubSpot signs them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { Secret } from '../../../src/config/secret.ts';
import { createGateway } from '../../../src/hubspot/create-gateway.ts';
import { compileModel } from '../../../src/scoring/compile-model.ts';
import type { CardApiDeps } from '../../../src/server/card-api-deps.ts';
import { startServer, type RunningServer } from '../../../src/server/start-server.ts';
import { openSqliteStore } from '../../../src/store/open-sqlite-store.ts';
import type { InboxEvent, Store } from '../../../src/store/store.ts';
import { signLikeHubSpot } from '../../unit/server/sign-like-hubspot.ts';

export const SECRET = 'webhook-integration-secret-4c1d';
export const PUBLIC_URL = 'https://vitals.example.com';
export const PATH = '/webhooks/hubspot';
export const NOW = Date.parse('2026-11-16T10:00:00.000Z');
export const PORTAL = '62515';

export const world = {
  store: undefined as unknown as Store,
  logLines: [] as string[],
  /** What onWebhookEvents was called with, in order. */
  woken: [] as number[],
};
const running: RunningServer[] = [];
let dir: string;

/** Opens the store before the file's tests and closes everything after them. */
export function useWebhookWorld(): void {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vitals-webhooks-'));
    world.store = await openSqliteStore(dir, { now: () => new Date(NOW) });
  });
  beforeEach(() => {
    world.logLines.length = 0;
    world.woken.length = 0;
  });
  afterAll(async () => {
    // Test files may share a worker (isolate: false): the next file starts with none.
    for (const server of running.splice(0)) await server.close();
    await world.store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** Starts the app (createServer, as `vitals start` does) on a free port with this store. */
export async function startApp(
  store: Store = world.store,
  onWebhookEvents = (stored: number) => void world.woken.push(stored),
): Promise<RunningServer> {
  const config = resolveConfig({}, { env: { VITALS_DATA_DIR: dir }, cwd: dir, file: null });
  const log = pino({ level: 'info' }, { write: (line: string) => void world.logLines.push(line) });
  const deps: CardApiDeps = {
    store,
    portal: PORTAL,
    // The intake never calls HubSpot: nothing listens here.
    gateway: createGateway({ accessToken: 'unused', basePath: 'http://127.0.0.1:9', per10s: 100 }),
    config,
    model: compileModel(config.model),
    plays: null,
    clientSecret: new Secret(SECRET),
    publicUrl: PUBLIC_URL,
    log,
    now: () => new Date(NOW),
    onWebhookEvents,
  };
  const server = await startServer(deps, { port: 0, host: '127.0.0.1' });
  running.push(server);
  return server;
}

/** The v3 headers HubSpot would send for `body`, signed at `at` with `secret`. */
export function signedHeaders(body: string, { at = NOW, secret = SECRET } = {}) {
  const timestamp = String(at);
  return {
    'X-HubSpot-Signature-v3': signLikeHubSpot({
      secret,
      method: 'POST',
      uri: PUBLIC_URL + PATH,
      body,
      timestamp,
    }),
    'X-HubSpot-Request-Timestamp': timestamp,
  };
}

/** POSTs `body` to the intake; signed for itself unless `headers` are given. */
export async function post(
  server: RunningServer,
  body: string,
  headers: Record<string, string> = signedHeaders(body),
) {
  const res = await fetch(server.url + PATH, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

export async function inbox(): Promise<InboxEvent[]> {
  return world.store.listInbox(PORTAL, { limit: 1000 });
}

export function logged(): Record<string, unknown>[] {
  return world.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
