// Failover of Vitals replicas on one PostgreSQL database: two real `vitals start` processes
// (schedule, card API, webhook intake) against one portal, which the sandbox stands in for and
// they reach as a real portal, each through its own recording proxy. The replica running a pass
// is SIGKILLed mid-run (the other carries the run on at its next tick, or, when the schedule does
// not come round, by its orphan watch); in another world, one replica is SIGKILLed in the middle
// of a webhook load. The survivor must carry the work on, nothing made or written twice, no
// acknowledged event lost. Each test has its own portal, database and replicas.
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { ORPHAN_CHECK_MS } from '../../../src/cli/run-command.ts';
import { CLAIM_MS } from '../../../src/jobs/drain-inbox.ts';
import { RESCORE_LEASE } from '../../../src/jobs/rescore-lease.ts';
import {
  activeCompanyIds,
  openTrackTasksTwice,
  portalEnrolments,
  storeReader,
} from '../../support/scale-out-db.ts';
import type { LedgerRow, StoreReader } from '../../support/scale-out-db.ts';
import {
  killAll,
  killHard,
  setupPortal,
  startReplica,
  type Replica,
} from '../../support/scale-out-processes.ts';
import { openWorld, type World } from '../../support/scale-out-world.ts';
import { collapseInPortal, portalCompanyIds, portalTasks } from '../../support/webhook-kill-db.ts';
import { companyChangeBatches } from '../../support/webhook-kill-events.ts';
import {
  deliverAll,
  deliverUntilAcknowledged,
  type Answer,
  type Deliveries,
} from '../../support/scale-out-deliveries.ts';

/** HubSpot's list pages, and the pages a pass commits at once (run-rescore.ts pagesPerChunk). */
const PAGE_SIZE = 100;
const PAGES_PER_COMMIT = 5;
/** 30 pages, 6 commits: a pass takes seconds even on 2 cores, so there is a "mid-run" to kill in. */
const PASS_COMPANIES = 3_000;
const PASS_PAGES = PASS_COMPANIES / PAGE_SIZE;
/** Accounts turned bad per page before the killed pass: every page then has writes and tasks. */
const COLLAPSED_PER_PAGE = 2;
const TASK_CREATION = 'POST /crm/v3/objects/tasks/batch/create';
/** A small portal for the webhook load: its scheduled passes stay short beside the drains. */
const LOAD_COMPANIES = 600;
const DELIVERIES = 40;
const EVENTS_PER_DELIVERY = 50;
const IN_FLIGHT = 4;
/** No kill before this many deliveries are acknowledged, so both replicas have taken some. */
const KILL_AFTER_ACKNOWLEDGED = 8;
/** Every 10 s: a survivor's next tick comes soon after a kill, and passes leave gaps between them. */
const EVERY_10_S = '*/10 * * * * *';
/** A schedule that does not come round during the test: only the orphan watch starts a run. */
const ONCE_A_YEAR = '0 0 1 1 *';

// Deadlines for a busy 2-core machine (load 10), far above a quiet one's seconds.
const START_MS = 120_000;
const STEP_MS = 120_000;
/**
 * The dead replica's events must be taken up well before its claims would lapse by themselves
 * (CLAIM_MS): both replicas run on this host, where a dead process's claims are known to be dead.
 */
const SETTLE_MS = Math.min(150_000, CLAIM_MS / 2);
/**
 * Likewise the dead replica's run: within a tick or an orphan check (every ORPHAN_CHECK_MS) and a
 * pass, well before its lease would lapse by itself (RESCORE_LEASE.ttlMs).
 */
const TAKEOVER_MS = Math.min(ORPHAN_CHECK_MS + STEP_MS, RESCORE_LEASE.ttlMs / 2);
const TEST_MS = 420_000;

// Whatever happens, no replica outlives the file.
afterAll(() => killAll());

/** Awaits `done()` every `everyMs` until it holds; throws `why()` after `ms`. */
async function until(
  done: () => Promise<boolean> | boolean,
  ms: number,
  why: () => string | Promise<string>,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(await why());
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const eventIds = (batches: Deliveries, indices: Iterable<number>) =>
  [...indices].flatMap((i) => batches[i]!.map((e) => String(e.eventId)));

const outputs = (replicas: readonly Replica[]) => replicas.map((r) => r.output()).join('\n');

/**
 * A new world with `vitals setup` done, and its database's reader. When the test ends, its
 * replicas are killed and the reader closed before the database is dropped (hooks run
 * last-registered first), so no connection sees it go.
 */
async function preparedWorld(companies: number, cron: string) {
  const world = await openWorld({ companies, cron });
  const store = storeReader(world.databaseUrl);
  onTestFinished(async () => {
    killAll();
    await store.close();
    await world.close();
  });
  await setupPortal(world.commonEnv());
  return { world, store };
}

/** Both replicas started at once, as a deployment starts them. */
async function startBoth(world: World): Promise<[Replica, Replica]> {
  return [
    startReplica('replica-a', await world.replicaEnv('replica-a')),
    startReplica('replica-b', await world.replicaEnv('replica-b')),
  ];
}

/**
 * Waits for each replica's card API and webhook intake: one makes the first run while the other
 * must wait its turn, not give up.
 */
async function serving(replicas: readonly Replica[]): Promise<void> {
  const deadline = new Promise<never>((_resolve, reject) =>
    setTimeout(
      () => reject(new Error(`The replicas did not all serve.\n${outputs(replicas)}`)),
      START_MS,
    ).unref(),
  );
  await Promise.race([Promise.all(replicas.map((r) => r.listening)), deadline]);
}

/** The process id in a holder id (lease-holder.ts: host:pid:uuid). */
const pidOf = (holder: string) => Number(holder.split(':')[1]);

async function firstPassCompleted(store: StoreReader, replicas: readonly Replica[]) {
  await until(
    async () => (await store.fullRuns()).some((run) => run.status === 'completed'),
    STEP_MS,
    () => `No full pass completed.\n${outputs(replicas)}`,
  );
}

/**
 * Waits until no pass holds the run lease, and answers when it last asked: every pass that
 * started before then had ended by the answer (a pass holds the lease from before its start to
 * its end).
 */
async function betweenPasses(store: StoreReader, replicas: readonly Replica[]): Promise<number> {
  let asked = 0;
  await until(
    async () => {
      asked = Date.now();
      return (await store.rescoreLease()) === undefined;
    },
    STEP_MS,
    () => `The run lease never came free between passes.\n${outputs(replicas)}`,
    20,
  );
  return asked;
}

/** The first full pass to start after `at`, once it has committed its first pages: its id. */
async function passCommittedAfter(
  store: StoreReader,
  at: number,
  replicas: readonly Replica[],
): Promise<string> {
  let id = '';
  await until(
    async () => {
      const run = (await store.fullRuns()).find((r) => Date.parse(r.started_at) >= at);
      id = run?.id ?? '';
      return run !== undefined && run.pages_done >= PAGES_PER_COMMIT;
    },
    STEP_MS,
    () => `No pass committed a page after ${new Date(at).toISOString()}.\n${outputs(replicas)}`,
    20,
  );
  return id;
}

/**
 * SIGKILLs `victim` the moment HubSpot has made its next batch of tasks, before the answer
 * reaches it: the chunk's companies are written and its tasks made, but neither the page nor the
 * tasks are in the store. Answers when.
 */
async function killAtNextTaskCreation(world: World, victim: Replica): Promise<number> {
  let killedAt = 0;
  world.traffic.onAnswered = (call) => {
    if (call.replica !== victim.name || call.route !== TASK_CREATION || call.status >= 300) return;
    world.traffic.onAnswered = null;
    victim.child.kill('SIGKILL');
    killedAt = Date.now();
  };
  await until(
    () => killedAt > 0 || !victim.alive(),
    STEP_MS,
    () => `${victim.name} made no task after its first commit.\n${victim.output()}`,
    10,
  );
  expect(killedAt, `${victim.name} died before the kill.\n${victim.output()}`).toBeGreaterThan(0);
  return killedAt;
}

/** What a pass killed mid-run and carried on by the other replica came to. */
interface CarriedOnPass {
  finishedAt: number;
  /** The replica that should have written a company: the one that read its page. */
  writerOf(id: string): string;
  victim: string;
  survivor: string;
  /** Whether the survivor read the company's page again: it was not committed when the victim died. */
  readAgain(id: string): boolean;
}

/**
 * Kills the replica running the first pass to start after `since` (at its first task creation
 * after its first commit), then waits for the other to carry the same run to its end, and checks
 * that it went on from the dead one's cursor: same run, each later page read once, none before.
 */
async function killThePassMidRun(
  world: World,
  store: StoreReader,
  replicas: readonly Replica[],
  since: number,
): Promise<CarriedOnPass> {
  const runId = await passCommittedAfter(store, since, replicas);
  const lease = await store.rescoreLease();
  const victim = replicas.find((r) => r.pid === pidOf(lease?.holder ?? ''));
  expect(victim, `the run lease's holder ${lease?.holder} is a replica`).toBeDefined();
  const survivor = replicas.find((r) => r !== victim)!;
  const killedAt = await killAtNextTaskCreation(world, victim!);
  expect(await victim!.exited).toBe('SIGKILL');

  const atDeath = (await store.run(runId))!;
  expect(
    atDeath.status,
    'the run when its replica died (completed: the pass was too short to kill mid-run)',
  ).toBe('running');
  expect(atDeath.pages_done).toBeLessThan(PASS_PAGES);
  // The dead replica's tasks are in HubSpot, and in the ledger only as intents.
  const intentsAtDeath = (await store.ledger()).filter((e) => e.status === 'intent');
  expect(intentsAtDeath.length, 'task intents the dead replica left').toBeGreaterThan(0);
  // Its lease is good for minutes yet: the survivor must see that its holder is dead.
  expect((await store.rescoreLease())?.holder).toBe(lease!.holder);

  await serving([survivor]);
  await until(
    async () => !survivor.alive() || (await store.run(runId))?.status === 'completed',
    TAKEOVER_MS,
    () =>
      `The killed replica's run was not carried to its end.\n${JSON.stringify(atDeath)}\n${survivor.output()}`,
  );
  expect(survivor.alive(), survivor.output()).toBe(true);
  const finished = (await store.run(runId))!;
  expect(finished).toMatchObject({ pages_done: PASS_PAGES, companies: PASS_COMPANIES });
  const finishedAt = Date.parse(finished.finished_at!);
  const runs = await store.fullRuns();
  expect(
    runs
      .filter((r) => Date.parse(r.started_at) >= since && r.started_at <= finished.started_at)
      .map((r) => r.id),
    'runs started for this pass: the survivor resumed it rather than starting another',
  ).toEqual([runId]);

  const resumedReads = world.traffic.pages.filter(
    (p) => p.replica === survivor.name && p.at >= killedAt && p.at <= finishedAt,
  );
  expect(resumedReads[0]?.after, 'where the survivor started reading').toBe(atDeath.cursor);
  expect(resumedReads.map((p) => p.after)).toHaveLength(PASS_PAGES - atDeath.pages_done);
  expect(new Set(resumedReads.map((p) => p.after)).size).toBe(resumedReads.length);

  // The dead replica wrote the pages it committed and the one it died on (its writes come
  // before its tasks); the survivor the rest.
  const page = pageOfCompany(world);
  const victimReached = atDeath.pages_done + PAGES_PER_COMMIT;
  return {
    finishedAt,
    writerOf: (id) => (page(id) < victimReached ? victim!.name : survivor.name),
    victim: victim!.name,
    survivor: survivor.name,
    readAgain: (id) => page(id) >= atDeath.pages_done,
  };
}

/** Waits for a full pass that started after `at` to complete. */
async function passCompletedAfter(store: StoreReader, at: number, replica: Replica) {
  await until(
    async () =>
      (await store.fullRuns()).some(
        (run) => run.status === 'completed' && Date.parse(run.started_at) >= at,
      ),
    STEP_MS,
    () => `No full pass completed after ${new Date(at).toISOString()}.\n${replica.output()}`,
  );
}

/**
 * Active accounts with nothing in the ledger and no save track open, `perPage` from each page
 * that has them: collapsing them opens a save playbook, whose task the next rescore makes.
 */
async function accountsToCollapse(world: World, store: StoreReader, perPage: number) {
  const busy = new Set([...(await store.companiesInLedger()), ...(await store.companiesSaving())]);
  const page = pageOfCompany(world);
  const quiet = activeCompanyIds(world.portalDir).filter((id) => !busy.has(id));
  const taken = new Map<number, string[]>();
  for (const id of quiet) {
    const onPage = taken.get(page(id)) ?? [];
    if (onPage.length < perPage) taken.set(page(id), [...onPage, id]);
  }
  return [...taken.values()].flat();
}

/** The list page (0-based) a pass reads each company on: the portal lists them by id. */
function pageOfCompany(world: World): (id: string) => number {
  const pages = new Map(
    portalCompanyIds(world.dir).map((id, index) => [id, Math.floor(index / PAGE_SIZE)]),
  );
  return (id) => pages.get(id) ?? -1;
}

/** Who wrote each company in `[from, to]`, and the companies written more than once. */
function companyWrites(world: World, from: number, to: number) {
  const writes = new Map<string, string[]>();
  const values = new Map<string, Record<string, string>[]>();
  for (const write of world.traffic.writes) {
    if (write.at < from || write.at > to) continue;
    for (const id of write.ids) {
      writes.set(id, [...(writes.get(id) ?? []), `${write.replica}@${write.at}`]);
      values.set(id, [...(values.get(id) ?? []), write.properties[id] ?? {}]);
    }
  }
  return {
    writers: (id: string) => (writes.get(id) ?? []).map((w) => w.split('@')[0]),
    /** The properties whose values differ between a company's first and last write. */
    changedBetween: (id: string) => {
      const [first, ...rest] = values.get(id) ?? [];
      const last = rest.at(-1);
      if (!first || !last) return [];
      const names = [...new Set([...Object.keys(first), ...Object.keys(last)])];
      return names.filter((name) => first[name] !== last[name]).sort();
    },
    twice: [...writes]
      .filter(([, by]) => by.length > 1)
      .map(([id, by]) => `${id}: ${by.join(', ')}`),
  };
}

/**
 * Every task and enrolment once: the ledger settled (no intent left a kill could have lost),
 * each done task in the portal exactly once under its marker, no Vitals task the ledger does
 * not hold, no contact enrolled twice in a sequence.
 */
async function expectEachActionOnce(world: World, store: StoreReader): Promise<LedgerRow[]> {
  const ledger = await store.ledger();
  expect(
    ledger.filter((e) => e.status === 'intent' || e.status === 'uncertain').map((e) => e.key),
    'tasks and enrolments a killed replica left unsettled',
  ).toEqual([]);
  const tasks = ledger.filter((e) => e.kind === 'task' && e.status === 'done');
  const inPortal = portalTasks(world.dir);
  const byMarker = new Map<string, string[]>();
  for (const task of inPortal)
    if (task.marker) byMarker.set(task.marker, [...(byMarker.get(task.marker) ?? []), task.id]);
  expect(
    [...byMarker].filter(([, ids]) => ids.length > 1),
    'tasks made twice',
  ).toEqual([]);
  for (const task of tasks)
    expect(byMarker.get(task.marker), `the portal's task for ${task.key}`).toEqual([
      task.hubspot_id,
    ]);
  expect(
    openTrackTasksTwice(world.portalDir),
    'accounts with two open tasks for one track',
  ).toEqual([]);
  const doneMarkers = new Set(tasks.map((t) => t.marker));
  expect(
    inPortal.filter((p) => p.marker !== null && !doneMarkers.has(p.marker)),
    'Vitals tasks in the portal the ledger does not hold as done',
  ).toEqual([]);

  const enrolled = portalEnrolments(world.portalDir).map((e) => `${e.contactId}/${e.sequenceId}`);
  expect(
    enrolled.filter((pair, index) => enrolled.indexOf(pair) !== index),
    'contacts enrolled twice in one sequence',
  ).toEqual([]);
  const enrolments = ledger
    .filter((e) => e.kind === 'enroll' && e.status === 'done')
    .map((e) => JSON.parse(e.payload) as { contactId: string; sequenceId: string })
    .map((a) => `${a.contactId}/${a.sequenceId}`);
  expect(
    enrolments.filter((pair, index) => enrolments.indexOf(pair) !== index),
    'enrolments the ledger holds as done twice',
  ).toEqual([]);
  const inSequences = new Set(enrolled);
  expect(
    enrolments.filter((pair) => !inSequences.has(pair)),
    'enrolments the ledger holds as done that the portal does not have',
  ).toEqual([]);
  return ledger;
}

/** Each collapsed account's save playbook got its one task. */
function expectOneSaveTaskEach(ledger: readonly LedgerRow[], collapsed: readonly string[]) {
  const saveTasks = (id: string) =>
    ledger.filter(
      (e) =>
        e.company_id === id &&
        e.kind === 'task' &&
        e.status === 'done' &&
        e.rule_id === 'save-playbook',
    );
  const without = collapsed.filter((id) => saveTasks(id).length !== 1);
  expect(
    without.map((id) => ({
      id,
      ledger: ledger
        .filter((e) => e.company_id === id)
        .map((e) => `${e.key} ${e.kind} ${e.status} ${e.hubspot_id ?? ''} ${e.created_at}`),
    })),
    'collapsed accounts without exactly one save-playbook task',
  ).toEqual([]);
}

describe('two vitals start replicas on one PostgreSQL database', () => {
  it(
    'the replica running the scheduled pass is SIGKILLed mid-run: at its next tick the other carries the same run on from its cursor, writing no page twice and making nothing twice',
    async () => {
      const { world, store } = await preparedWorld(PASS_COMPANIES, EVERY_10_S);
      const replicas = await startBoth(world);
      await serving(replicas);
      await firstPassCompleted(store, replicas);

      // Between two passes, accounts on every page go bad: the next pass must write on every
      // page and make a task for each of them. The portal is served by this process, so no pass
      // reads it between the moment the lease is seen free and the (synchronous) change.
      const collapsed = await accountsToCollapse(world, store, COLLAPSED_PER_PAGE);
      expect(collapsed.length, 'accounts to collapse').toBeGreaterThanOrEqual(PASS_PAGES);
      const changedAt = await betweenPasses(store, replicas);
      collapseInPortal(world.dir, collapsed);

      const pass = await killThePassMidRun(world, store, replicas, changedAt);
      // Only the collapsed accounts changed: each written once, by whoever read its page.
      const { writers, twice } = companyWrites(world, changedAt, pass.finishedAt);
      expect(twice, 'companies whose health properties were written twice').toEqual([]);
      for (const id of collapsed)
        expect(writers(id), `who wrote collapsed company ${id}`).toEqual([pass.writerOf(id)]);
      const ledger = await expectEachActionOnce(world, store);
      expectOneSaveTaskEach(ledger, collapsed);
    },
    TEST_MS,
  );

  it(
    'with a schedule that does not come round, the replica making the first run is SIGKILLed mid-run: the orphan watch of the other carries it on from its cursor, each company written once',
    async () => {
      const { world, store } = await preparedWorld(PASS_COMPANIES, ONCE_A_YEAR);
      // The replica making the first run serves only after it, so this waits for no one.
      const replicas = await startBoth(world);
      const pass = await killThePassMidRun(world, store, replicas, 0);
      // The portal's first pass writes every company's health properties, each exactly once. One
      // exception is right: the killed replica wrote a page it died before committing, and when
      // the other reads it again a few minutes later, a value that crossed a time boundary in
      // between (days since the last contact passing 21) is written again, as it now stands:
      // the dead replica first, the survivor second, on a page the dead one had not committed.
      const { writers, changedBetween } = companyWrites(world, 0, pass.finishedAt);
      const rewrittenAsItNowStands = (id: string) =>
        pass.readAgain(id) &&
        writers(id).join() === [pass.victim, pass.survivor].join() &&
        changedBetween(id).length > 0;
      const wrong = portalCompanyIds(world.dir).filter(
        (id) => writers(id).join() !== pass.writerOf(id) && !rewrittenAsItNowStands(id),
      );
      expect(
        wrong.map(
          (id) =>
            `${id}: ${writers(id).join(', ') || 'never written'} (changed: ${changedBetween(id).join(', ') || 'nothing'})`,
        ),
        'companies not written exactly once, by the replica that read their page',
      ).toEqual([]);
      await expectEachActionOnce(world, store);
    },
    TEST_MS,
  );

  it(
    'one replica is SIGKILLed during a webhook load: every acknowledged event is processed once, none stays claimed, no task is made twice',
    async () => {
      const { world, store } = await preparedWorld(LOAD_COMPANIES, EVERY_10_S);
      const replicas = await startBoth(world);
      await serving(replicas);
      await firstPassCompleted(store, replicas);
      const collapsed = await accountsToCollapse(world, store, 1);
      expect(collapsed.length).toBeGreaterThan(0);
      collapseInPortal(world.dir, collapsed);

      const ids = portalCompanyIds(world.dir);
      const batches = companyChangeBatches(
        DELIVERIES,
        EVENTS_PER_DELIVERY,
        Date.now(),
        (request, slot) => ids[(request * EVENTS_PER_DELIVERY + slot) % ids.length]!,
      );
      const [victim, survivor] = replicas;
      const answers = new Map<number, Answer>();
      const acknowledged = () => [...answers].filter(([, a]) => a.status === 204).map(([i]) => i);

      // The victim dies holding claims: events its drain took from the inbox and had not settled.
      const kill = (async () => {
        await until(
          async () =>
            !victim.alive() ||
            (acknowledged().length >= KILL_AFTER_ACKNOWLEDGED &&
              (await store.claimsHeldBy(victim.pid)) > 0),
          STEP_MS,
          () => `${victim.name} never held claims mid-load.\n${outputs(replicas)}`,
          10,
        );
        expect(victim.alive(), victim.output()).toBe(true);
        return killHard(victim);
      })();
      // Alternately to each replica, as a load balancer would, a few at a time.
      const load = deliverAll({
        secret: world.secret,
        batches,
        indices: [...batches.keys()],
        receiverOf: (index) => (index % 2 === 0 ? victim : survivor),
        inFlight: IN_FLIGHT,
        answers,
      });
      const [death] = await Promise.all([kill, load]);
      expect(death).toBe('SIGKILL');
      const heldAtDeath = await store.claimsHeldBy(victim.pid);
      expect(
        acknowledged().filter((i) => answers.get(i)!.receiver === victim.name).length,
        'deliveries the victim acknowledged',
      ).toBeGreaterThan(0);
      // A 204 means committed: every event acknowledged so far, by either, is in the inbox.
      const inboxAtDeath = new Set((await store.inbox()).map((row) => row.event_id));
      expect(
        eventIds(batches, acknowledged()).filter((id) => !inboxAtDeath.has(id)),
        'acknowledged events missing from the inbox',
      ).toEqual([]);

      // As HubSpot would: what got no 204 is sent again, to the replica still up; so is a part
      // of what did (HubSpot delivers at least once).
      const unanswered = [...batches.keys()].filter((i) => answers.get(i)?.status !== 204);
      const again = acknowledged().filter((_, n) => n % 5 === 0);
      const resent = await deliverUntilAcknowledged({
        secret: world.secret,
        batches,
        indices: [...unanswered, ...again],
        receiver: survivor,
        inFlight: IN_FLIGHT,
      });
      expect(
        [...resent].filter(([, a]) => a.status !== 204),
        'deliveries the survivor did not acknowledge',
      ).toEqual([]);

      await until(
        async () => !survivor.alive() || (await store.unsettledEvents()) === 0,
        SETTLE_MS,
        async () =>
          `Events still unsettled ${SETTLE_MS / 1000} s after the kill (${heldAtDeath} were claimed by the killed replica at its death): ${JSON.stringify(
            (await store.inbox())
              .filter((e) => e.state === 'received' || e.state === 'failed')
              .slice(0, 5),
          )}\n${survivor.output()}`,
      );
      expect(survivor.alive(), survivor.output()).toBe(true);

      // Every event is now acknowledged: each is in the inbox once, settled, and claimed by none.
      const settledAt = Date.now();
      const inbox = await store.inbox();
      const stored = inbox.map((row) => row.event_id);
      expect(stored.toSorted(), 'the inbox: each event sent, once').toEqual(
        eventIds(batches, batches.keys()).toSorted(),
      );
      expect(
        inbox.filter((row) => row.state !== 'processed' && row.state !== 'ignored'),
        'events not processed',
      ).toEqual([]);
      expect(
        inbox.filter((row) => row.claimed_by !== null),
        'events still claimed',
      ).toEqual([]);

      // Tasks the victim may have been making when it died are settled by the next full pass
      // (it starts by settling what a dead process left): after one, every task and enrolment
      // must be there once.
      await passCompletedAfter(store, settledAt, survivor);
      const ledger = await expectEachActionOnce(world, store);
      expectOneSaveTaskEach(ledger, collapsed);
    },
    TEST_MS,
  );
});
