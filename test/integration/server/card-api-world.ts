// The card API integration tests' world: a sandbox portal after one full run, a store and the
// server, started once per test file (useCardApiWorld).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  CARD_PATHS,
  companyCardSchema,
  type CompanyCard,
} from '../../../extensions/app/cards/card-contract.ts';
import { sandboxPlaySettings } from '../../../src/app/sandbox-play-settings.ts';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { Secret } from '../../../src/config/secret.ts';
import { createGateway, type Gateway } from '../../../src/hubspot/create-gateway.ts';
import { runRescore, type RescoreDeps } from '../../../src/jobs/run-rescore.ts';
import { setupPortal } from '../../../src/jobs/setup-portal.ts';
import { openPortalDatabase } from '../../../src/sandbox/portal-database.ts';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/start-sandbox.ts';
import { compileModel } from '../../../src/scoring/compile-model.ts';
import { startServer, type RunningServer } from '../../../src/server/start-server.ts';
import { openSqliteStore } from '../../../src/store/open-sqlite-store.ts';
import type { LedgerEntry, Store } from '../../../src/store/store.ts';
import { signLikeHubSpot } from '../../unit/server/sign-like-hubspot.ts';

export const SECRET = 'card-api-integration-secret-7f3a';
const PUBLIC_URL = 'https://vitals.example.com';
// The demo portal's "today" (SANDBOX_DEFAULTS.referenceDate), mid-morning UTC.
export const NOW = new Date('2026-11-16T10:00:00.000Z');
export const HOUR = 3600_000;
export const SLOW = 120_000;

export const clock = { now: NOW };
export const logLines: string[] = [];
export const signatures: string[] = [];
let dir: string;
let sandbox: SandboxHandle;
export let store: Store;
export let server: RunningServer;
export let runDeps: RescoreDeps;
export let gateway: Gateway;

/** Starts the world before the file's tests and closes it after them. */
export function useCardApiWorld(): void {
  beforeAll(async () => {
    // Test files may share a worker (isolate: false): each starts from the same clock and logs.
    clock.now = NOW;
    logLines.length = 0;
    signatures.length = 0;
    dir = mkdtempSync(join(tmpdir(), 'vitals-card-api-'));
    sandbox = await startSandbox({
      dataDir: join(dir, 'sandbox'),
      companies: 60,
      rateLimit: { per10s: 250 },
    });
    store = await openSqliteStore(dir, { now: () => clock.now });
    const config = resolveConfig({}, { env: { VITALS_DATA_DIR: dir }, cwd: dir, file: null });
    gateway = createGateway({
      accessToken: sandbox.token,
      basePath: sandbox.url,
      per10s: 250,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
    });
    await setupPortal(gateway, config, { dryRun: false });
    // One task per owner a day: the rest are held back, so plays stay open for the card to act on.
    const settings = {
      ...(await sandboxPlaySettings(config.plays, sandbox.portal.sender, gateway)),
      dailyTaskCapPerOwner: 1,
    };
    const plays = { settings, mapping: config.playsMapping, leftProperty: 'left_company' };
    const model = compileModel(config.model);
    runDeps = {
      gateway,
      store,
      mapping: config,
      model,
      portal: 'sandbox',
      source: 'sandbox',
      holder: 'card-api-test',
      now: () => clock.now,
      plays,
    };
    // Vitals has watched this portal before (its baseline is behind it) and these companies are
    // new to it: what holds now acts, so there are tasks created and held for the card to show.
    await store.markPlaysBaseline(
      'sandbox',
      new Date(NOW.getTime() - 30 * 24 * HOUR).toISOString(),
    );
    await runRescore(runDeps, { dryRun: false });
    const log = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
    server = await startServer(
      {
        store,
        portal: 'sandbox',
        gateway,
        config,
        model,
        plays,
        clientSecret: new Secret(SECRET),
        publicUrl: PUBLIC_URL,
        log,
        now: () => clock.now,
      },
      { port: 0, host: '127.0.0.1' },
    );
  }, SLOW);

  afterAll(async () => {
    await server?.close();
    await store?.close();
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

interface Answer {
  status: number;
  body: unknown;
}

/** A request signed as HubSpot signs hubspot.fetch calls (v3), sent over loopback. */
export async function call(method: 'GET' | 'POST', path: string, body?: string, secret = SECRET) {
  const timestamp = String(clock.now.getTime());
  const signature = signLikeHubSpot({ secret, method, uri: PUBLIC_URL + path, body, timestamp });
  signatures.push(signature);
  const res = await fetch(server.url + path, {
    method,
    body,
    headers: {
      'X-HubSpot-Signature-v3': signature,
      'X-HubSpot-Request-Timestamp': timestamp,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
  });
  return { status: res.status, body: (await res.json()) as unknown } satisfies Answer;
}

export const card = async (id: string) => {
  const answer = await call('GET', CARD_PATHS.company(id));
  expect(answer.status).toBe(200);
  return companyCardSchema.parse(answer.body);
};
export const playOf = (c: CompanyCard, ruleId: string) => c.plays.find((p) => p.id === ruleId);

/** HubSpot's side: tasks in the sandbox portal that carry the marker. */
export function tasksWithMarker(marker: string): number {
  const db = openPortalDatabase(join(dir, 'sandbox'));
  try {
    const sql = `SELECT id FROM objects WHERE type = 'tasks' AND properties LIKE ?`;
    return db.prepare(sql).all(`%${marker}%`).length;
  } finally {
    db.close();
  }
}

/** Held-back tasks of distinct companies, oldest first. */
export async function heldTasks(): Promise<LedgerEntry[]> {
  const seen = new Set<string>();
  return (await store.heldActions('sandbox')).filter((e) => {
    if (e.kind !== 'task' || seen.has(e.companyId)) return false;
    seen.add(e.companyId);
    return true;
  });
}

export async function doneTask(): Promise<LedgerEntry> {
  for (const id of sandboxCompanyIds()) {
    const done = (await store.ledgerForCompany('sandbox', id)).find(
      (e) => e.kind === 'task' && e.status === 'done',
    );
    if (done) return done;
  }
  throw new Error('The first run created no task at all.');
}

export function sandboxCompanyIds(): string[] {
  const db = openPortalDatabase(join(dir, 'sandbox'));
  try {
    const rows = db.prepare(`SELECT id FROM objects WHERE type = 'companies'`).all();
    return (rows as { id: number }[]).map((r) => String(r.id));
  } finally {
    db.close();
  }
}
