import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Gateway } from '../../../src/hubspot/create-gateway.ts';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import { startOfDay } from '../../../src/jobs/owner-day.ts';
import type { LedgerEntry } from '../../../src/store/store.ts';
import {
  dateOf,
  day,
  expectedQbrBriefs,
  isLifecycleTask,
  lifecycleWorld,
  lostStore,
  portalCompanies,
  portalNotes,
  portalTasks,
  runAt,
  sorted,
  wholeLedger,
} from './sandbox-notes-world.ts';

// The lifecycle plays under the daily cap, a crash, a 5xx and a lost store, against the sandbox
// portal with its search index lag on (a new note shows in search 2 to 5 s after it is made).

const CAP = 2;
const SEARCH_CATCHES_UP_MS = 5_500;
const RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;
/** Tuesday 1 December 2026, 10:00 UTC: the first business day of the month. */
const DECEMBER_FIRST = day(15);

const keysOf = (items: readonly { key: string }[]) => sorted(items.map((i) => i.key));
const rank = (e: LedgerEntry) => (e.action.kind === 'task' ? RANK[e.action.priority] : -1);
const dupes = (values: readonly (string | null)[]) =>
  values.filter((v, i) => v !== null && values.indexOf(v) !== i);

describe('lifecycle plays under caps, crashes and a lost store', () => {
  it('counts lifecycle tasks against the daily cap, most urgent first, releases the rest on later days, and never caps notes', async () => {
    const world = await lifecycleWorld(60);
    await world.run(day(0));
    const capped = { settings: { dailyTaskCapPerOwner: CAP } };
    const paying = [...portalCompanies(world).values()].filter((c) => c.status === 'active');

    const first = await runAt(world, DECEMBER_FIRST, capped);
    const byKey = new Map((await wholeLedger(world)).map((e) => [e.key, e]));
    const entry = (key: string) => byKey.get(key)!;
    const held = first.plays.heldBack;
    const heldLifecycle = held.filter((h) => isLifecycleTask(entry(h.key)));
    expect(heldLifecycle.length, 'lifecycle tasks held by the cap').toBeGreaterThan(0);
    const owners = new Set([...first.plays.tasksCreated, ...held].map((t) => entry(t.key).ownerId));
    const since = startOfDay(DECEMBER_FIRST, 'UTC');
    let lifecycleCounted = false;
    for (const owner of owners) {
      if (owner === null) continue;
      expect(
        await world.store.tasksCreatedForOwnerSince('sandbox', owner, since),
      ).toBeLessThanOrEqual(CAP);
      const mine = (list: readonly { key: string }[]) =>
        list.map((t) => entry(t.key)).filter((e) => e.ownerId === owner);
      const created = mine(first.plays.tasksCreated);
      const waiting = mine(held);
      if (waiting.length > 0 && created.some(isLifecycleTask)) lifecycleCounted = true;
      // The most urgent go first: nothing held is more urgent than what was created.
      if (created.length > 0 && waiting.length > 0)
        expect(Math.max(...created.map(rank)), `owner ${owner}`).toBeLessThanOrEqual(
          Math.min(...waiting.map(rank)),
        );
    }
    expect(lifecycleCounted, 'a lifecycle task took a slot another task then lacked').toBe(true);
    for (const h of held) {
      expect(entry(h.key)).toMatchObject({ status: 'held' });
      expect(entry(h.key).detail).toContain('plays.dailyTaskCapPerOwner');
      expect(world.tasksWithMarker(entry(h.key).marker)).toBe(0);
    }
    // Notes are not capped: every value report and QBR brief went out, held tasks or not.
    const reports = first.plays.notesWritten.filter((n) => n.ruleId === 'monthly-value-report');
    expect(reports).toHaveLength(paying.length);
    for (const h of heldLifecycle.filter((t) => t.ruleId === 'qbr-prep'))
      expect(keysOf(first.plays.notesWritten)).toContain(`${h.key}:note`);
    expect(portalNotes(world)).toHaveLength(first.plays.notesWritten.length);

    // The next days: what waits from earlier days goes first, the most urgent of it first, within
    // each day's cap, until nothing held on the first day is left.
    const waiting = new Set(held.map((h) => h.key));
    for (let d = 16; d < 30 && waiting.size > 0; d++) {
      const at = day(d);
      const today = startOfDay(at, 'UTC');
      const pool = (await wholeLedger(world)).filter(
        (e) => e.status === 'held' && e.updatedAt < today,
      );
      const run = await runAt(world, at, capped);
      const created = new Set(run.plays.tasksCreated.map((t) => t.key));
      for (const owner of new Set(pool.map((e) => e.ownerId))) {
        const mine = pool.filter((e) => e.ownerId === owner);
        const released = mine.filter((e) => created.has(e.key));
        const still = mine.filter((e) => !created.has(e.key));
        expect(released.length, `released for ${owner} on ${dateOf(at)}`).toBe(
          Math.min(CAP, mine.length),
        );
        if (still.length > 0)
          expect(Math.max(...released.map(rank))).toBeLessThanOrEqual(Math.min(...still.map(rank)));
      }
      for (const key of [...waiting].filter((k) => created.has(k))) {
        waiting.delete(key);
        const [now] = (await world.ledger(entry(key).companyId)).filter((e) => e.key === key);
        expect(now).toMatchObject({ status: 'done' });
        expect(world.tasksWithMarker(now!.marker)).toBe(1);
      }
    }
    expect([...waiting], 'tasks still held two weeks on').toEqual([]);
    expect(dupes(portalTasks(world).map((t) => t.marker))).toEqual([]);
  });

  it('lists each held lifecycle task once in a run summary, however often the run meets it', async () => {
    const world = await lifecycleWorld(60);
    await world.run(day(0));
    const capped = { settings: { dailyTaskCapPerOwner: CAP } };
    const first = await runAt(world, DECEMBER_FIRST, capped);
    const ledger = new Map((await wholeLedger(world)).map((e) => [e.key, e]));
    expect(first.plays.heldBack.some((h) => isLifecycleTask(ledger.get(h.key)!))).toBe(true);
    // The next day the release finds them still over the cap, and the pass plans them again.
    const dry = await runAt(world, day(16), { ...capped, dryRun: true });
    const next = await runAt(world, day(16), capped);
    const keys = next.plays.heldBack.map((h) => h.key);
    expect(dupes(keys), 'tasks listed twice as held back').toEqual([]);
    const stillHeld = (await wholeLedger(world)).filter((e) => e.status === 'held');
    expect(sorted(keys)).toEqual(keysOf(stillHeld));
    // The dry run before it said the same.
    expect(keysOf(dry.plays.heldBack)).toEqual(sorted(keys));
  });

  it('finds the notes a crashed run wrote by their markers, once search shows them, and writes none twice', async () => {
    // Settling waits out the sandbox's search lag (2 to 5 s) before it concludes "not written".
    const world = await lifecycleWorld(60, {}, { settleAfterSeconds: 5 });
    const [, due] = expectedQbrBriefs(world, [dateOf(day(0)), dateOf(day(4))]);
    await world.run(day(0));
    const dying: Gateway = {
      ...world.gateway,
      createNotes: async (notes) => {
        await world.gateway.createNotes(notes);
        throw new Error('killed before the ledger write');
      },
    };
    await expect(runAt(world, day(4), { gateway: dying })).rejects.toThrow('killed');
    const pending = (await world.store.unfinishedActions('sandbox')).filter(
      (e) => e.kind === 'note',
    );
    expect(keysOf(pending)).toEqual(sorted([...due!].map(([id, q]) => `${id}:qbr-prep:${q}:note`)));
    expect(pending.every((e) => e.status === 'intent')).toBe(true);
    const markers = pending.map((e) => e.marker);
    // HubSpot has them, but its search does not show them yet.
    expect(sorted(portalNotes(world).map((n) => n.marker!))).toEqual(sorted(markers));
    expect((await world.gateway.findNotesByMarker(markers)).size).toBe(0);

    const recovery = await world.run();
    expect(recovery.apiCalls['notes.search']).toBeGreaterThan(0);
    expect(recovery.plays.failed).toEqual([]);
    expect(await world.store.unfinishedActions('sandbox')).toEqual([]);
    const notes = portalNotes(world);
    expect(notes).toHaveLength(pending.length);
    for (const e of pending) {
      const [now] = (await world.ledger(e.companyId)).filter((x) => x.key === e.key);
      const [note, ...twice] = notes.filter((n) => n.marker === e.marker);
      expect(twice).toEqual([]);
      expect(now).toMatchObject({ status: 'done', hubspotId: note!.id });
    }
  }, 30_000);

  it('settles notes HubSpot made behind a 5xx in the same run, writes none twice, and counts them as written', async () => {
    const world = await lifecycleWorld(60, {}, { settleAfterSeconds: 5 });
    await world.run(day(0));
    const flaky: Gateway = {
      ...world.gateway,
      createNotes: async (notes) => {
        await world.gateway.createNotes(notes);
        throw new HubSpotError('HubSpot answered 502 to notes.batchCreate', {
          endpoint: 'notes.batchCreate',
          status: 502,
          category: 'UNKNOWN',
        });
      },
    };
    const run = await runAt(world, DECEMBER_FIRST, { gateway: flaky });
    const planned = (await wholeLedger(world)).filter(
      (e) => e.kind === 'note' && e.status !== 'skipped',
    );
    expect(planned.length).toBeGreaterThan(0);
    expect(keysOf(run.plays.uncertain)).toEqual(keysOf(planned));
    // Looked for once search caught up, all found: recorded, not written again.
    expect(run.unsettled).toBe(0);
    expect(run.plays.failed).toEqual([]);
    const notes = portalNotes(world);
    expect(notes).toHaveLength(planned.length);
    expect(dupes(notes.map((n) => n.marker))).toEqual([]);
    for (const e of planned) {
      const note = notes.find((n) => n.marker === e.marker);
      expect(e).toMatchObject({ status: 'done', hubspotId: note!.id });
    }
    // This run wrote them: the summary says so, as it does for tasks settled the same way.
    expect(keysOf(run.plays.notesWritten)).toEqual(keysOf(planned));
  }, 30_000);

  it('writes no note and no lifecycle task again after the store is lost', async () => {
    const world = await lifecycleWorld(60);
    await world.run(day(0));
    const worked = await world.run(DECEMBER_FIRST);
    expect(worked.plays.notesWritten.length).toBeGreaterThan(0);
    const lifecycleKeys = (await wholeLedger(world))
      .filter((e) => isLifecycleTask(e) && e.status === 'done')
      .map((e) => e.key);
    expect(lifecycleKeys.length).toBeGreaterThan(0);
    const notes = portalNotes(world).length;
    const tasks = world.taskCount();
    // A redeploy takes longer than the sandbox's search takes to show the last run's tasks.
    await delay(SEARCH_CATCHES_UP_MS);

    const store = await lostStore(world);
    const lost = await runAt(world, day(15, 3), { store });
    // The new store's first run is the portal's baseline: it records, it does not write.
    expect(lost.baseline).not.toBeNull();
    expect(lost.plays.notesWritten).toEqual([]);
    expect(lost.plays.tasksCreated.filter((t) => lifecycleKeys.includes(t.key))).toEqual([]);
    const made = await wholeLedger(world, store);
    expect(
      made.filter((e) => (e.kind === 'note' || isLifecycleTask(e)) && e.status === 'done'),
    ).toEqual([]);
    expect(portalNotes(world)).toHaveLength(notes);
    expect(world.taskCount()).toBe(tasks);

    // The next day the new store goes on from there: no value report again, no second brief
    // for a QBR, no second task for an episode (markers come from the keys: the same twice).
    const next = await runAt(world, day(16), { store });
    expect(next.plays.notesWritten.filter((n) => n.ruleId === 'monthly-value-report')).toEqual([]);
    expect(next.plays.tasksCreated.filter((t) => lifecycleKeys.includes(t.key))).toEqual([]);
    expect(dupes(portalNotes(world).map((n) => n.marker))).toEqual([]);
    expect(dupes(portalTasks(world).map((t) => t.marker))).toEqual([]);
    const qbrOf = (body: string) => /meeting on (\d{4}-\d{2}-\d{2})/.exec(body)?.[1] ?? null;
    const briefs = portalNotes(world)
      .filter((n) => n.brief === 'qbr')
      .map((n) => `${n.companies[0]!.id} ${qbrOf(n.body)}`);
    expect(dupes(briefs)).toEqual([]);
  });
});
