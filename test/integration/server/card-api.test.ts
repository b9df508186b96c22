import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CARD_PATHS,
  companyCardSchema,
  errorSchema,
  notScoredSchema,
  type CompanyCard,
} from '../../../extensions/app/cards/card-contract.ts';
import { sandboxPlaySettings } from '../../../src/app/sandbox-play-settings.ts';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { Secret } from '../../../src/config/secret.ts';
import { createGateway, type Gateway } from '../../../src/hubspot/create-gateway.ts';
import type { CardSnapshot } from '../../../src/jobs/card-snapshot.ts';
import { runRescore, type RescoreDeps } from '../../../src/jobs/run-rescore.ts';
import { setupPortal } from '../../../src/jobs/setup-portal.ts';
import { openPortalDatabase } from '../../../src/sandbox/portal-database.ts';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/start-sandbox.ts';
import { compileModel } from '../../../src/scoring/compile-model.ts';
import { startServer, type RunningServer } from '../../../src/server/start-server.ts';
import { openSqliteStore } from '../../../src/store/open-sqlite-store.ts';
import type { LedgerEntry, Store } from '../../../src/store/store.ts';
import { signLikeHubSpot } from '../../unit/server/sign-like-hubspot.ts';

const SECRET = 'card-api-integration-secret-7f3a';
const PUBLIC_URL = 'https://vitals.example.com';
// The demo portal's "today" (SANDBOX_DEFAULTS.referenceDate), mid-morning UTC.
const NOW = new Date('2026-11-16T10:00:00.000Z');
const HOUR = 3600_000;
const SLOW = 120_000;

const clock = { now: NOW };
const logLines: string[] = [];
const signatures: string[] = [];
let dir: string;
let sandbox: SandboxHandle;
let store: Store;
let server: RunningServer;
let runDeps: RescoreDeps;
let gateway: Gateway;

beforeAll(async () => {
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
  await store.markPlaysBaseline('sandbox', new Date(NOW.getTime() - 30 * 24 * HOUR).toISOString());
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

interface Answer {
  status: number;
  body: unknown;
}

/** A request signed as HubSpot signs hubspot.fetch calls (v3), sent over loopback. */
async function call(method: 'GET' | 'POST', path: string, body?: string, secret = SECRET) {
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

const card = async (id: string) => {
  const answer = await call('GET', CARD_PATHS.company(id));
  expect(answer.status).toBe(200);
  return companyCardSchema.parse(answer.body);
};
const playOf = (c: CompanyCard, ruleId: string) => c.plays.find((p) => p.id === ruleId);

/** HubSpot's side: tasks in the sandbox portal that carry the marker. */
function tasksWithMarker(marker: string): number {
  const db = openPortalDatabase(join(dir, 'sandbox'));
  try {
    const sql = `SELECT id FROM objects WHERE type = 'tasks' AND properties LIKE ?`;
    return db.prepare(sql).all(`%${marker}%`).length;
  } finally {
    db.close();
  }
}

/** Held-back tasks of distinct companies, oldest first. */
async function heldTasks(): Promise<LedgerEntry[]> {
  const seen = new Set<string>();
  return (await store.heldActions('sandbox')).filter((e) => {
    if (e.kind !== 'task' || seen.has(e.companyId)) return false;
    seen.add(e.companyId);
    return true;
  });
}

async function doneTask(): Promise<LedgerEntry> {
  for (const id of sandboxCompanyIds()) {
    const done = (await store.ledgerForCompany('sandbox', id)).find(
      (e) => e.kind === 'task' && e.status === 'done',
    );
    if (done) return done;
  }
  throw new Error('The first run created no task at all.');
}

function sandboxCompanyIds(): string[] {
  const db = openPortalDatabase(join(dir, 'sandbox'));
  try {
    const rows = db.prepare(`SELECT id FROM objects WHERE type = 'companies'`).all();
    return (rows as { id: number }[]).map((r) => String(r.id));
  } finally {
    db.close();
  }
}

describe('the card API against a sandbox-backed app', () => {
  it('answers /healthz without a signature', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it("serves a company's card: schema-valid, with history and each play's status", async () => {
    const done = await doneTask();
    const withTask = await card(done.companyId);
    expect(withTask.companyId).toBe(done.companyId);
    expect(withTask.history.length).toBeGreaterThanOrEqual(1);
    expect(withTask.history.at(-1)).toEqual({ at: NOW.toISOString(), score: withTask.score });
    expect(withTask.checkedAt).toBe(NOW.toISOString());
    expect(playOf(withTask, done.ruleId)).toMatchObject({
      status: 'task-created',
      taskId: done.hubspotId,
      dismissedBecause: null,
    });

    const [held] = await heldTasks();
    const open = await card(held!.companyId);
    expect(playOf(open, held!.ruleId)).toMatchObject({ status: 'open', taskId: null });
  });

  it('answers 404 not-scored for a company no run has scored', async () => {
    const answer = await call('GET', CARD_PATHS.company('999999999999'));
    expect(answer.status).toBe(404);
    expect(notScoredSchema.parse(answer.body)).toMatchObject({ companyId: '999999999999' });
  });

  it('answers 404 to a rescore of a company HubSpot does not have', async () => {
    const answer = await call('POST', CARD_PATHS.rescore('999999999999'));
    expect(answer.status).toBe(404);
    expect(errorSchema.parse(answer.body).message).toContain('HubSpot has no company');
  });

  it('answers 400 to an id that is not digits', async () => {
    const answer = await call('GET', CARD_PATHS.company('acme'));
    expect(answer.status).toBe(400);
    expect(errorSchema.parse(answer.body).message).toContain('not a company id');
  });

  it('answers 401 to a request signed with another secret', async () => {
    const [id] = sandboxCompanyIds();
    const answer = await call('GET', CARD_PATHS.company(id!), undefined, 'not-the-secret');
    expect(answer.status).toBe(401);
    expect(errorSchema.parse(answer.body).status).toBe('error');
  });

  it(
    'rescores one company now: HubSpot, history and the saved card move with it',
    async () => {
      const id = sandboxCompanyIds().at(-1)!;
      const before = await card(id);
      await gateway.updateCompanies([
        {
          id,
          properties: { product_login_pct_of_baseline: '3', payment_status: 'failed_unresolved' },
        },
      ]);
      clock.now = new Date(clock.now.getTime() + 2 * HOUR);
      const answer = await call('POST', CARD_PATHS.rescore(id));
      expect(answer.status).toBe(200);
      const after = companyCardSchema.parse(answer.body);
      expect(after.scoredAt).toBe(clock.now.toISOString());
      expect(after.checkedAt).toBe(clock.now.toISOString());
      expect(after.score).not.toBe(before.score);
      expect(after.history.at(-1)).toEqual({ at: clock.now.toISOString(), score: after.score });
      const [company] = await gateway.readCompanies([id], ['health_score']);
      expect(company!.properties.health_score).toBe(String(after.score));
      const saved = (await store.companyStates('sandbox', [id])).get(id)?.card as CardSnapshot;
      expect(saved.scoredAt).toBe(clock.now.toISOString());
    },
    SLOW,
  );

  it(
    "creates a held play's task exactly once, past the daily cap; the second call is 409",
    async () => {
      const [held] = await heldTasks();
      const path = CARD_PATHS.createTask(held!.companyId, held!.ruleId);
      const first = await call('POST', path);
      expect(first.status).toBe(200);
      const play = playOf(companyCardSchema.parse(first.body), held!.ruleId);
      expect(play).toMatchObject({ status: 'task-created', taskId: expect.any(String) });
      expect(tasksWithMarker(held!.marker)).toBe(1);

      const second = await call('POST', path);
      expect(second.status).toBe(409);
      expect(errorSchema.parse(second.body).message).toContain(play!.taskId!);
      expect(tasksWithMarker(held!.marker)).toBe(1);
    },
    SLOW,
  );

  it(
    'dismisses a play: the card shows why, and the next full run creates nothing for it',
    async () => {
      const [, held] = await heldTasks();
      const reason = 'Renewal already signed last week';
      const answer = await call(
        'POST',
        CARD_PATHS.dismiss(held!.companyId, held!.ruleId),
        JSON.stringify({ reason: `  ${reason} ` }),
      );
      expect(answer.status).toBe(200);
      const dismissed = { status: 'dismissed', taskId: null, dismissedBecause: reason };
      expect(playOf(companyCardSchema.parse(answer.body), held!.ruleId)).toMatchObject(dismissed);

      // A day later held tasks are released; this one is not held any more, so it stays undone.
      clock.now = new Date(clock.now.getTime() + 24 * HOUR);
      await runRescore(runDeps, { dryRun: false });
      const entry = (await store.ledgerForCompany('sandbox', held!.companyId)).find(
        (e) => e.key === held!.key,
      );
      expect(entry).toMatchObject({ status: 'skipped', detail: `Dismissed: ${reason}` });
      expect(tasksWithMarker(held!.marker)).toBe(0);
      const still = playOf(await card(held!.companyId), held!.ruleId);
      // It still holds, so the card still lists it: from the ledger now, as its run is past.
      expect(still).toMatchObject(dismissed);
    },
    SLOW,
  );

  it('answers 404 naming an unknown play and listing the ones the company has', async () => {
    const [id] = sandboxCompanyIds();
    const { plays } = await card(id!);
    const answer = await call('POST', CARD_PATHS.createTask(id!, 'no-such-play'));
    expect(answer.status).toBe(404);
    const { message } = errorSchema.parse(answer.body);
    expect(message).toContain('"no-such-play"');
    for (const play of plays) expect(message).toContain(`"${play.id}"`);
  });

  it('answers 400 naming the field to a dismissal without a usable reason', async () => {
    const [held] = await heldTasks();
    const path = CARD_PATHS.dismiss(held!.companyId, held!.ruleId);
    const short = await call('POST', path, JSON.stringify({ reason: 'no' }));
    expect(short.status).toBe(400);
    expect(errorSchema.parse(short.body).message).toMatch(/^reason: got "no"; it takes at least 3/);
    const notJson = await call('POST', path, 'reason=no');
    expect(notJson.status).toBe(400);
    expect(errorSchema.parse(notJson.body).message).toContain('not JSON');
  });

  it('never writes the client secret or a signature to its log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    expect(log).not.toContain(SECRET);
    for (const signature of signatures) expect(log).not.toContain(signature);
  });
});
