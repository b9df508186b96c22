// "Live health", reliability: a SIGKILL of a real `vitals serve` process during 10,000 webhook
// events, restarted: every acknowledged event processed exactly once, no task created twice,
// none lost. Real CLI processes on the sandbox portal; the test reads their SQLite files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  activeCompaniesWithoutPlays,
  collapseInPortal,
  inboxRows,
  ledgerTasks,
  openTaskIntents,
  portalCompanyIds,
  portalTasks,
  unsettledEvents,
  type InboxRow,
  type LedgerTask,
} from '../support/webhook-kill-db.ts';
import {
  companyChangeBatches,
  deliver,
  redelivery,
  type WebhookEvent,
} from '../support/webhook-kill-events.ts';
import {
  freePort,
  killAll,
  runOnce,
  startServe,
  type ServeProcess,
} from '../support/webhook-kill-processes.ts';

const SECRET = 'webhook-kill-test-secret-7d3e';
const REQUESTS = 100;
const PER_REQUEST = 100;
const EVENTS = REQUESTS * PER_REQUEST;
const IN_FLIGHT = 4;
/** No SIGKILL before this many events are acknowledged. */
const KILL_AFTER = 3_000;
/** Deliveries from this one on wait for the kill, so some are always left for the restart. */
const HELD_FOR_RESTART = 60;
// Deadlines for a busy machine (load 10 on 2 cores), far above a quiet one's seconds.
const START_MS = 60_000;
/** How long the first process may take to reach the moment its kill waits for. */
const KILL_MS = 90_000;
const SETTLE_MS = 180_000;
/** Per test: two process starts, a baseline run, 10,000 events and the drain, on 2 cores. */
const TEST_MS = 420_000;

type Deliveries = readonly (readonly WebhookEvent[])[];

/** Collapsed companies (each must get one save-playbook task) and the deliveries naming them. */
interface Group {
  size: number;
  inRequest: (request: number) => boolean;
}

interface Scenario {
  groups: Group[];
  /** 'drained': once a drain has finished; 'task-intents': while tasks are being created. */
  killWhen: 'drained' | 'task-intents';
}

interface Outcome {
  dir: string;
  groups: string[][];
  batches: Deliveries;
  /** Ledger task entries after the baseline run, before any webhook. */
  tasksBefore: LedgerTask[];
  /** Deliveries acknowledged (204) by the killed process. */
  acknowledged: number[];
  atKill: { inbox: InboxRow[]; tasks: LedgerTask[] };
  /** The restarted process's answers to the deliveries sent again. */
  resent: Map<number, number | 'error'>;
  second: ServeProcess;
}

const dirs: string[] = [];

const drained = (line: Record<string, unknown>) => line.msg === 'inbox drained';

const eventIds = (batches: Deliveries, indices: Iterable<number>) =>
  [...indices].flatMap((i) => batches[i]!.map((e) => String(e.eventId)));

/** Delivers `indices` IN_FLIGHT at a time until `stop()`, each answer into `statuses`. */
async function deliverAll(
  port: number,
  publicUrl: string,
  batches: Deliveries,
  indices: readonly number[],
  statuses: Map<number, number | 'error'>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (!stop() && next < indices.length) {
      const index = indices[next++]!;
      statuses.set(index, await deliver(port, publicUrl, SECRET, batches[index]!));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

/** As HubSpot does: a delivery without a 2xx answer is sent again, a few times at most. */
async function deliverUntilAcknowledged(
  port: number,
  publicUrl: string,
  batches: Deliveries,
  indices: readonly number[],
): Promise<Map<number, number | 'error'>> {
  const statuses = new Map<number, number | 'error'>();
  for (let attempt = 1; attempt <= 5; attempt++) {
    const due = indices.filter((i) => statuses.get(i) !== 204);
    if (due.length === 0) break;
    const again = batches.map((events) => redelivery(events, attempt));
    await deliverAll(port, publicUrl, again, due, statuses);
  }
  return statuses;
}

/** Checks `done` every `everyMs` until it holds; throws `why()` after `ms`. */
async function until(done: () => boolean, ms: number, why: () => string, everyMs = 250) {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(why());
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Group members take the first slots of the deliveries that name them; every other slot names
 * the other companies in turn, so each delivery touches about a hundred companies.
 */
function companyAt(
  others: readonly string[],
  groups: readonly (readonly string[])[],
  scenario: Scenario,
) {
  let next = 0;
  return (request: number, slot: number): string => {
    let offset = 0;
    for (const [g, ids] of groups.entries()) {
      if (!scenario.groups[g]!.inRequest(request)) continue;
      if (slot < offset + ids.length) return ids[slot - offset]!;
      offset += ids.length;
    }
    return others[next++ % others.length]!;
  };
}

/**
 * A baseline run, then `vitals serve` taking signed deliveries of 100 events, 4 in flight;
 * SIGKILLed at the scenario's moment, once at least KILL_AFTER events are acknowledged;
 * restarted, sent again whatever got no 204 and some of what did, and left to drain its inbox.
 */
async function killAndRestart(scenario: Scenario): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-webhook-kill-'));
  dirs.push(dir);
  const config = join(dir, 'vitals.yaml');
  // 250 calls per 10 s keeps the drain short; no owner's daily cap holds a task back.
  writeFileSync(
    config,
    'rateLimit:\n  per10s: 250\nplays:\n  dailyTaskCapPerOwner: 10000\n  lifecycle: { enabled: false }\n',
  );
  const port = await freePort();
  const publicUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUBSPOT_ACCESS_TOKEN: '',
    VITALS_DATA_DIR: dir,
    VITALS_CONFIG: config,
    HUBSPOT_CLIENT_SECRET: SECRET,
    VITALS_PUBLIC_URL: publicUrl,
    PORT: String(port),
  };

  // The baseline seeds the sandbox portal, sets it up and records what is already so.
  expect(await runOnce(env)).toMatchObject({ source: 'sandbox', companies: 300 });
  const quiet = activeCompaniesWithoutPlays(dir);
  let taken = 0;
  const groups = scenario.groups.map(({ size }) => quiet.slice(taken, (taken += size)));
  expect(groups.flat(), 'active companies without plays to collapse').toHaveLength(taken);
  collapseInPortal(dir, groups.flat());
  const collapsed = new Set(groups.flat());
  const others = portalCompanyIds(dir).filter((id) => !collapsed.has(id));
  const batches = companyChangeBatches(
    REQUESTS,
    PER_REQUEST,
    Date.now(),
    companyAt(others, groups, scenario),
  );
  const tasksBefore = ledgerTasks(dir);

  const first = await startServe(env, START_MS);
  const statuses = new Map<number, number | 'error'>();
  const acknowledged = () => [...statuses].filter(([, s]) => s === 204).map(([i]) => i);
  const due = () => {
    if (acknowledged().length * PER_REQUEST < KILL_AFTER) return false;
    return scenario.killWhen === 'drained' ? first.logs.some(drained) : openTaskIntents(dir) > 0;
  };
  let killed = false;
  const kill = (async () => {
    await until(
      () => first.child.exitCode !== null || due(),
      KILL_MS,
      () =>
        `vitals serve never reached the moment to kill it (${scenario.killWhen}): no drain ended, or the tasks were made between two looks at the ledger.\n${first.output()}`,
      1,
    );
    if (first.child.exitCode !== null) throw new Error(`vitals serve exited.\n${first.output()}`);
    killed = true;
    first.child.kill('SIGKILL');
  })();
  const held = Array.from({ length: HELD_FOR_RESTART }, (_, i) => i);
  await Promise.all([kill, deliverAll(port, publicUrl, batches, held, statuses, () => killed)]);
  expect(await first.exited).toBe('SIGKILL');
  const atKill = { inbox: inboxRows(dir), tasks: ledgerTasks(dir) };

  // Restarted. HubSpot sends again what got no 204, and now and then redelivers what did.
  const second = await startServe(env, START_MS);
  const acked = acknowledged();
  const unacknowledged = [...batches.keys()].filter((i) => statuses.get(i) !== 204);
  const redelivered = acked.filter((_, n) => n % 4 === 0);
  const resent = await deliverUntilAcknowledged(port, publicUrl, batches, [
    ...unacknowledged,
    ...redelivered,
  ]);
  await until(
    () => second.child.exitCode !== null || unsettledEvents(dir) === 0,
    SETTLE_MS,
    () => `The inbox still holds ${unsettledEvents(dir)} unsettled events.\n${second.output()}`,
  );
  expect(second.child.exitCode, second.output()).toBeNull();
  return { dir, groups, batches, tasksBefore, acknowledged: acked, atKill, resent, second };
}

/** The requirement: every event once and processed; every task once, none lost. */
function expectExactlyOnce(outcome: Outcome): void {
  const { dir, batches, atKill, second } = outcome;
  const ackedIds = eventIds(batches, outcome.acknowledged);
  expect(ackedIds.length).toBeGreaterThanOrEqual(KILL_AFTER);
  const storedAtKill = new Set(atKill.inbox.map((row) => row.event_id));
  expect(
    ackedIds.filter((id) => !storedAtKill.has(id)),
    'acknowledged events missing from the inbox of the killed process',
  ).toEqual([]);
  expect(
    [...outcome.resent].filter(([, status]) => status !== 204),
    'deliveries the restarted process did not acknowledge',
  ).toEqual([]);

  const inbox = inboxRows(dir);
  const sent = new Set(eventIds(batches, batches.keys()));
  const stored = new Set(inbox.map((row) => row.event_id));
  expect(
    [...sent].filter((id) => !stored.has(id)),
    'events lost',
  ).toEqual([]);
  expect(
    [...stored].filter((id) => !sent.has(id)),
    'events never sent',
  ).toEqual([]);
  expect(inbox).toHaveLength(EVENTS);
  expect(inbox.filter((row) => row.state !== 'processed')).toEqual([]);
  expect(second.logs.filter((line) => line.msg === 'inbox drain failed')).toEqual([]);

  const tasks = ledgerTasks(dir);
  expect(new Set(tasks.map((t) => t.key)).size).toBe(tasks.length);
  expect(
    tasks.filter((t) => t.status === 'intent').map((t) => `${t.key} (${t.marker})`),
    'task intents still unsettled after the restart drained every event: these tasks are lost',
  ).toEqual([]);
  const inPortal = portalTasks(dir);
  const done = tasks.filter((t) => t.status === 'done');
  for (const task of done) {
    const carrying = inPortal.filter((p) => p.marker === task.marker).map((p) => p.id);
    expect(carrying, `the portal's tasks for ${task.key}`).toEqual([task.hubspot_id]);
  }
  const doneMarkers = new Set(done.map((t) => t.marker));
  expect(
    inPortal.filter((p) => p.marker === null || !doneMarkers.has(p.marker)),
    'portal tasks the ledger does not hold as done',
  ).toEqual([]);

  const before = new Set(outcome.tasksBefore.map((t) => t.key));
  const made = done.filter((t) => !before.has(t.key) && t.rule_id === 'save-playbook');
  for (const id of outcome.groups.flat()) {
    expect(
      made.filter((t) => t.company_id === id),
      `save-playbook tasks of ${id}`,
    ).toHaveLength(1);
  }
}

afterEach(() => killAll());

afterAll(() => {
  killAll();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('vitals serve SIGKILLed while it takes 10,000 webhook events, then restarted', () => {
  it(
    'killed between drains: every acknowledged event processed once, every task made once',
    async () => {
      const outcome = await killAndRestart({
        groups: [
          // In the first deliveries, so the first drain makes their tasks, before the kill; and
          // rescored again after the restart.
          { size: 10, inRequest: (r) => r < IN_FLIGHT || r >= HELD_FOR_RESTART },
          // First named after the restart: their tasks are made by the restarted process.
          { size: 10, inRequest: (r) => r >= HELD_FOR_RESTART },
        ],
        killWhen: 'drained',
      });
      const { atKill, groups } = outcome;
      const waiting = atKill.inbox.filter((row) => row.state === 'received');
      expect(waiting.length, 'events the worker had still to process').toBeGreaterThan(0);
      const doneAtKill = atKill.tasks.filter((t) => t.status === 'done');
      for (const id of groups[0]!)
        expect(
          doneAtKill.filter((t) => t.company_id === id && t.rule_id === 'save-playbook'),
        ).toHaveLength(1);
      expectExactlyOnce(outcome);
    },
    TEST_MS,
  );

  it(
    'killed while the worker creates tasks: each is made once after the restart, none lost',
    async () => {
      const outcome = await killAndRestart({
        // Named from the 41st delivery on: it goes out once 37 have been answered (3,700 events).
        groups: [{ size: 20, inRequest: (r) => r >= 40 }],
        killWhen: 'task-intents',
      });
      expect(outcome.atKill.tasks.filter((t) => t.status === 'intent').length).toBeGreaterThan(0);
      expectExactlyOnce(outcome);
    },
    TEST_MS,
  );
});
