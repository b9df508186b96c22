import { cpSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { pino } from 'pino';
import type { App } from '../../src/app/open-app.ts';
import { sandboxPlaySettings } from '../../src/app/sandbox-play-settings.ts';
import { sandboxServing } from '../../src/app/sandbox-serving.ts';
import { runPlaysSettings } from '../../src/cli/run-plays-settings.ts';
import type { Config } from '../../src/config/config.ts';
import { startInboxWorker, type InboxWorker } from '../../src/jobs/inbox-worker.ts';
import type { DrainSummary } from '../../src/jobs/drain-inbox.ts';
import { runRescore, type RescoreDeps } from '../../src/jobs/run-rescore.ts';
import { editRecordAsUser } from '../../src/sandbox/edit-record-as-user.ts';
import { openPortalDatabase } from '../../src/sandbox/portal-database.ts';
import { startSandbox } from '../../src/sandbox/start-sandbox.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import { scoreAccount } from '../../src/scoring/score-account.ts';
import { extractAccount } from '../../src/signals/extract-account.ts';
import { startServer, type RunningServer } from '../../src/server/start-server.ts';
import { openSqliteStore } from '../../src/store/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { benchConfig, benchGateway, NO_WAITS, totalCalls } from './rescore-client.ts';
import { PORTAL, UNLIMITED } from './rescore-world.ts';

// A `vitals start` on the sandbox, in process: the sandbox portal delivering its webhooks (as
// sandboxServing wires them) to the real server's intake, whose onWebhookEvents wakes the inbox
// worker, which rescores through the gateway and writes the scores back to the portal.

/** The bench's "now" for runs, drains and the store: the portal's reference day, moving on. */
function benchClock(): () => Date {
  const anchor = Date.parse(`${PORTAL.referenceDate}T10:00:00.000Z`);
  const started = performance.now();
  return () => new Date(anchor + (performance.now() - started));
}

/** `n` free loopback ports, held together so they differ, then let go for the servers to take. */
async function freePorts(n: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < n; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
      ports.push((server.address() as { port: number }).port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

export interface LiveWorldOptions {
  /** A portal directory preparePortal made; the world works on its own copy. */
  preparedPortal: string;
  /** Where this world keeps its portal copy and its store. */
  dir: string;
  companies: number;
  /** Deliver webhooks to the server and drain them; off: a portal for full passes only. */
  live: boolean;
}

/** One company's row as the portal holds it. */
export interface PortalCompany {
  id: number;
  properties: Record<string, string>;
}

/** Builds the world; the caller closes it. */
export async function liveWorld(options: LiveWorldOptions) {
  const sandboxDir = join(options.dir, 'sandbox');
  cpSync(options.preparedPortal, sandboxDir, { recursive: true });
  const clock = benchClock();
  const [sandboxPort, serverPort] = await freePorts(2);
  const base: Config = benchConfig(options.dir, 250);
  // What `vitals start` does on the sandbox: its own secret, the local address, subscriptions.
  const serving = options.live
    ? sandboxServing({ ...base, server: { ...base.server, port: serverPort! } })
    : null;
  if (options.live && !serving) throw new Error('sandboxServing declined to wire the webhooks.');
  const sandbox = await startSandbox({
    dataDir: sandboxDir,
    companies: options.companies,
    ...PORTAL,
    port: sandboxPort!,
    rateLimit: { per10s: UNLIMITED },
    ...(serving ? { webhooks: serving.webhooks } : {}),
  });
  // Closed newest first: server and worker, then the portal connection, store and sandbox.
  const closers: (() => Promise<void> | void)[] = [() => sandbox.close()];
  const close = async () => {
    while (closers.length > 0) await closers.pop()!();
  };
  try {
    const config = serving?.config ?? base;
    const gateway = benchGateway(sandbox, config, { headroom: NO_WAITS });
    const store = await openSqliteStore(options.dir, { now: clock });
    closers.push(() => store.close());
    const db = openPortalDatabase(sandboxDir);
    closers.push(() => void db.close());
    // What open-app and run-command build for the sandbox; runPlaysSettings reads only the config.
    const settings = await sandboxPlaySettings(config.plays, sandbox.portal.sender, gateway);
    const plays = runPlaysSettings({ config: { ...config, plays: settings } } as App);
    const model = compileModel(config.model);
    const deps: RescoreDeps = {
      gateway,
      store,
      mapping: config,
      model,
      portal: 'sandbox',
      source: 'sandbox',
      holder: `bench-${process.pid}`,
      now: clock,
      plays,
    };
    const runFull = () => runRescore(deps, { dryRun: false });
    const drains: { at: number; summary: DrainSummary }[] = [];
    const errors: string[] = [];
    const stored = new Map<string, number[]>();
    let worker: InboxWorker | null = null;
    let server: RunningServer | null = null;
    if (serving) {
      const log = {
        info: (fields: object, message: string) => {
          if (message === 'inbox drained')
            drains.push({ at: Date.now(), summary: fields as DrainSummary });
        },
        error: (fields: object, message: string) => {
          errors.push(`${message}: ${String((fields as { err?: unknown }).err)}`);
        },
      };
      const started = startInboxWorker(
        { gateway, store, mapping: config, model, portal: 'sandbox', plays, now: clock, runFull },
        log,
      );
      worker = started;
      closers.push(() => started.stop());
      // The intake's store as it is, noting when each company's events were committed.
      const intakeStore: Store = {
        ...store,
        receiveEvents: async (portal, events) => {
          const answer = await store.receiveEvents(portal, events);
          const at = Date.now();
          for (const e of events)
            (stored.get(e.objectId) ?? stored.set(e.objectId, []).get(e.objectId)!).push(at);
          return answer;
        },
      };
      const running = await startServer(
        {
          store: intakeStore,
          portal: 'sandbox',
          gateway,
          config,
          model,
          plays,
          clientSecret: config.hubspot.clientSecret!,
          publicUrl: config.server.publicUrl!,
          log: pino({ level: 'silent' }),
          onWebhookEvents: () => started.wake(),
        },
        { port: serverPort!, host: '127.0.0.1' },
      );
      server = running;
      closers.push(() => running.close());
    }
    const companyRows = db.prepare(
      "SELECT id, properties FROM objects WHERE type = 'companies' ORDER BY id",
    );
    const nextWrite = db.prepare(
      `SELECT rowid AS seq, value, timestamp FROM property_history
       WHERE object_id = ? AND name = ? AND rowid > ? ORDER BY rowid LIMIT 1`,
    );
    const lastSeq = db.prepare('SELECT MAX(rowid) AS seq FROM property_history');
    const contactRows = db.prepare(
      `SELECT o.id, o.properties FROM associations a JOIN objects o ON o.id = a.to_id
       WHERE a.from_id = ? AND a.to_type = 'contacts' ORDER BY o.id`,
    );
    /** The score the model gives the company as the portal holds it, with `values` edited in. */
    const predict = (company: PortalCompany, values: Record<string, string>) => {
      const contacts = (contactRows.all(company.id) as { id: number; properties: string }[]).map(
        (r) => ({
          id: String(r.id),
          properties: JSON.parse(r.properties) as Record<string, string>,
        }),
      );
      const account = extractAccount({
        company: { id: String(company.id), properties: { ...company.properties, ...values } },
        contacts,
        now: clock(),
        config,
      });
      return scoreAccount(model, account).score;
    };
    return {
      sandbox,
      gateway,
      store,
      /** The portal's own tables: what HubSpot holds. */
      db,
      worker,
      server,
      /** When (epoch ms) the intake committed an event about the object, after `since`. */
      storedAfter: (objectId: number, since: number) =>
        stored.get(String(objectId))?.find((at) => at >= since),
      /** Each drain that found events, with when it ended. */
      drains,
      /** Drains that failed as a whole (the store); should stay empty. */
      errors,
      calls: () => totalCalls(gateway.apiCalls()),
      runFull,
      companies: (): PortalCompany[] =>
        (companyRows.all() as { id: number; properties: string }[]).map((r) => ({
          id: r.id,
          properties: JSON.parse(r.properties) as Record<string, string>,
        })),
      /**
       * An edit of EDITED_PROPERTY that moves the company's score, by the model's own reading of
       * the portal (checked against the score the last run wrote); null when none does.
       */
      scoreMovingEdit: (company: PortalCompany): Record<string, string> | null => {
        const now = predict(company, {});
        if (String(now) !== company.properties.health_score) return null;
        for (const value of EDIT_VALUES) {
          if (company.properties[EDITED_PROPERTY] === value) continue;
          const edit = { [EDITED_PROPERTY]: value };
          if (predict(company, edit) !== now) return edit;
        }
        return null;
      },
      /**
       * A CSM's edit in HubSpot's UI, as `vitals sandbox change` makes it (stamped with the real
       * time, as the command does); answers that time in epoch ms.
       */
      edit: (companyId: number, values: Record<string, string>): number => {
        const at = new Date();
        const outcome = editRecordAsUser(db, 'companies', companyId, values, at);
        if (outcome.kind !== 'saved')
          throw new Error(`Editing company ${companyId}: ${JSON.stringify(outcome)}`);
        if (!outcome.edits.some((e) => e.before !== e.after))
          throw new Error(`Editing company ${companyId} changed nothing.`);
        if (serving && !outcome.deliverer)
          throw new Error('No sandbox holds the webhook lease: the edit would not be delivered.');
        return at.getTime();
      },
      /** The journal's newest row: writes after it are new. */
      lastSeq: () => (lastSeq.get() as { seq: number | null }).seq ?? 0,
      /** The first write of `name` to the company after journal row `seq`, if any yet. */
      writeAfter: (companyId: number, name: string, seq: number) =>
        nextWrite.get(companyId, name, seq) as
          { seq: number; value: string | null; timestamp: string } | undefined,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export type LiveWorld = Awaited<ReturnType<typeof liveWorld>>;

/** The property the edits change: the model's login frequency signal reads it. */
export const EDITED_PROPERTY = 'product_login_pct_of_baseline';
/** Logins collapsed, or well above the account's baseline: the signal's worst and best band. */
const EDIT_VALUES = ['5', '150'];
