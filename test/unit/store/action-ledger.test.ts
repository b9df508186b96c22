import { describe, expect, it } from 'vitest';
import type { PlannedAction } from '../../../src/plays/play-types.ts';
import { actionMarker } from '../../../src/store/action-marker.ts';
import type { Store } from '../../../src/store/store.ts';
import { openTestStore } from './open-test-store.ts';
import { enrollAction, taskAction } from './planned-action.ts';

const NOW = '2025-03-10T12:00:00.000Z';
const MINUTE = 60_000;

async function recordOne(store: Store, action: PlannedAction) {
  const [recorded] = await store.recordIntents('sandbox', [action]);
  return recorded!;
}

describe('recording intents', () => {
  it('records a new action as an intent, with its identity, owner, marker and payload', async () => {
    const { store } = await openTestStore(NOW);
    const task = taskAction();
    const [recorded] = await store.recordIntents('sandbox', [task]);
    expect(recorded).toEqual({
      outcome: 'new',
      entry: {
        portal: 'sandbox',
        key: '101:tier_critical:2025-03-10',
        companyId: '101',
        ruleId: 'tier_critical',
        episode: '2025-03-10',
        kind: 'task',
        ownerId: '61234567',
        status: 'intent',
        marker: actionMarker('sandbox', task.key),
        action: task,
        hubspotId: null,
        detail: null,
        createdAt: NOW,
        updatedAt: NOW,
        doneAt: null,
      },
    });
    expect(await store.ledgerForCompany('sandbox', '101')).toEqual([recorded!.entry]);
  });

  it('keeps a note with its body until it settles, then without it', async () => {
    const { store } = await openTestStore(NOW);
    const note: PlannedAction = {
      kind: 'note',
      brief: 'value-report',
      ruleId: 'monthly-value-report',
      episode: '2025-03-03',
      key: '101:monthly-value-report:2025-03-03:note',
      companyId: '101',
      ownerId: '61234567',
      title: 'Value report: Acme',
      body: '<h3>February 2025 at a glance</h3>',
      qbrDate: null,
    };
    const recorded = await recordOne(store, note);
    expect(recorded.entry).toMatchObject({ kind: 'note', ownerId: null, action: note });
    expect(await store.ledgerHas('sandbox', [note.key, '101:other'])).toEqual(new Set([note.key]));
    const done = await store.completeAction('sandbox', note.key, '7001');
    expect(done).toMatchObject({
      status: 'done',
      hubspotId: '7001',
      action: { ...note, body: '' },
    });
    const [read] = await store.ledgerForCompany('sandbox', '101');
    expect(read!.action).toEqual({ ...note, body: '' });
  });

  it('answers the lifecycle tasks made and not completed by Vitals, per company', async () => {
    const { store } = await openTestStore(NOW);
    const made = { ...taskAction({ ruleId: 'cadence-check-in' }), track: 'lifecycle' as const };
    const other = { ...made, key: '101:anniversary:2025-03-10', ruleId: 'anniversary' };
    const intent = { ...made, key: '101:qbr-prep:2025-03-10', ruleId: 'qbr-prep' };
    await store.recordIntents('sandbox', [made, other, intent]);
    await store.completeAction('sandbox', made.key, '83000000001');
    await store.completeAction('sandbox', other.key, '83000000002');
    const rules = ['cadence-check-in', 'anniversary', 'qbr-prep'];
    const open = await store.openLifecycleTasks('sandbox', ['101', '102'], rules);
    expect(open).toEqual(new Map([['101', [made, other]]]));
    const close = {
      kind: 'task-update' as const,
      track: 'lifecycle' as const,
      ruleId: other.ruleId,
      episode: other.episode,
      key: `${other.key}:close`,
      companyId: '101',
      target: other.key,
      subject: other.subject,
      body: 'Closed by Vitals',
      priority: other.priority,
      dueAt: other.dueAt,
      status: 'COMPLETED' as const,
    };
    await store.recordIntents('sandbox', [close]);
    const after = await store.openLifecycleTasks('sandbox', ['101'], rules);
    expect(after).toEqual(new Map([['101', [made]]]));
    expect(await store.openLifecycleTasks('sandbox', ['101'], [])).toEqual(new Map());
  });

  it('keeps one entry per key: the same action again is reported as existing', async () => {
    const { store, clock } = await openTestStore(NOW);
    const [first] = await store.recordIntents('sandbox', [taskAction()]);
    await store.completeAction('sandbox', first!.entry.key, '5551');
    clock.advance(MINUTE);
    const [again] = await store.recordIntents('sandbox', [taskAction()]);
    expect(again).toMatchObject({
      outcome: 'existing',
      entry: { status: 'done', hubspotId: '5551', createdAt: NOW },
    });
    expect(await store.ledgerForCompany('sandbox', '101')).toHaveLength(1);
  });

  it('never overwrites an existing entry, even with a different plan', async () => {
    const { store } = await openTestStore(NOW);
    await store.recordIntents('sandbox', [taskAction()]);
    const [again] = await store.recordIntents('sandbox', [
      taskAction({ subject: 'Changed', ownerId: '7' }),
    ]);
    expect(again?.entry).toMatchObject({ status: 'intent', ownerId: '61234567' });
    expect(again?.entry.action).toEqual(taskAction());
  });

  it('reports a key repeated within one call as new once, then existing', async () => {
    const { store } = await openTestStore(NOW);
    const recorded = await store.recordIntents('sandbox', [taskAction(), taskAction()]);
    expect(recorded.map((r) => r.outcome)).toEqual(['new', 'existing']);
  });

  it('keeps portals apart and gives each key its own marker', async () => {
    const { store } = await openTestStore(NOW);
    const [a] = await store.recordIntents('sandbox', [taskAction()]);
    const [b] = await store.recordIntents('884422', [taskAction()]);
    expect(b?.outcome).toBe('new');
    expect(a?.entry.marker).toMatch(/^vt[0-9a-f]{16}$/);
    expect(a?.entry.marker).not.toBe(b?.entry.marker);
    const [c] = await store.recordIntents('sandbox', [taskAction({ suffix: 'manager' })]);
    expect(c?.entry.marker).not.toBe(a?.entry.marker);
  });

  it('stores no owner for enrolments and property writes', async () => {
    const { store } = await openTestStore(NOW);
    const [enrol] = await store.recordIntents('sandbox', [enrollAction()]);
    expect(enrol?.entry).toMatchObject({
      kind: 'enroll',
      key: '101:renewal_sequence:2025-03-10:9001',
      ownerId: null,
    });
  });

  it('rejects an action whose key does not start with its company, rule and episode', async () => {
    const { store } = await openTestStore(NOW);
    const bad = { ...taskAction({ companyId: '202' }), key: '101:tier_critical:2025-03-10' };
    await expect(store.recordIntents('sandbox', [taskAction(), bad])).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/must be "202:tier_critical:2025-03-10"/),
    });
    expect(await store.ledgerForCompany('sandbox', '101')).toEqual([]);
  });
});

describe('settling an intent', () => {
  it('completes an intent with its HubSpot id; the same completion again is harmless', async () => {
    const { store, clock } = await openTestStore(NOW);
    const { entry } = await recordOne(store, taskAction());
    clock.advance(MINUTE);
    const done = await store.completeAction('sandbox', entry.key, '5551');
    const at = '2025-03-10T12:01:00.000Z';
    expect(done).toMatchObject({ status: 'done', hubspotId: '5551', updatedAt: at, doneAt: at });
    clock.advance(MINUTE);
    expect(await store.completeAction('sandbox', entry.key, '5551')).toEqual(done);
  });

  it('records why an intent was skipped, held or failed', async () => {
    const { store } = await openTestStore(NOW);
    const [a, b, c] = [taskAction({ suffix: 'a' }), taskAction({ suffix: 'b' }), enrollAction()];
    await store.recordIntents('sandbox', [a, b, c]);
    expect(await store.skipAction('sandbox', c.key, 'contact opted out')).toMatchObject({
      status: 'skipped',
      detail: 'contact opted out',
      doneAt: null,
    });
    expect(await store.holdAction('sandbox', a.key, 'daily cap of 25 reached')).toMatchObject({
      status: 'held',
      detail: 'daily cap of 25 reached',
    });
    expect(await store.failAction('sandbox', b.key, 'owner is deactivated')).toMatchObject({
      status: 'failed',
      detail: 'owner is deactivated',
      hubspotId: null,
    });
  });

  it('refuses to change an action that is no longer an intent, and says why', async () => {
    const { store } = await openTestStore(NOW);
    const { key } = taskAction();
    await store.recordIntents('sandbox', [taskAction()]);
    await store.completeAction('sandbox', key, '5551');
    for (const change of [
      () => store.completeAction('sandbox', key, '5552'),
      () => store.skipAction('sandbox', key, 'late'),
      () => store.failAction('sandbox', key, 'boom'),
      () => store.holdAction('sandbox', key, 'cap'),
    ]) {
      await expect(change()).rejects.toMatchObject({
        code: 'action-not-pending',
        message: expect.stringMatching(/is done \(HubSpot id 5551\)/),
      });
    }
    expect((await store.ledgerForCompany('sandbox', '101'))[0]).toMatchObject({
      status: 'done',
      hubspotId: '5551',
    });
  });

  it('rejects an unknown key and an empty HubSpot id or reason', async () => {
    const { store } = await openTestStore(NOW);
    await expect(store.completeAction('sandbox', 'nope', '1')).rejects.toMatchObject({
      code: 'action-not-found',
    });
    const { key } = taskAction();
    await store.recordIntents('sandbox', [taskAction()]);
    await expect(store.completeAction('sandbox', key, '')).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(store.skipAction('sandbox', key, ' ')).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect((await store.unfinishedActions('sandbox')).map((e) => e.key)).toEqual([key]);
  });
});

describe('releasing held actions', () => {
  it('turns a held action back into an intent when it is recorded again', async () => {
    const { store, clock } = await openTestStore(NOW);
    const { entry } = await recordOne(store, taskAction());
    await store.holdAction('sandbox', entry.key, 'daily cap of 25 reached');
    clock.advance(24 * 60 * MINUTE);
    const redated = taskAction({ dueAt: '2025-03-12T12:00:00.000Z' });
    const [released] = await store.recordIntents('sandbox', [redated]);
    expect(released).toMatchObject({
      outcome: 'released',
      entry: {
        status: 'intent',
        detail: null,
        marker: entry.marker,
        createdAt: NOW,
        updatedAt: '2025-03-11T12:00:00.000Z',
        action: redated,
      },
    });
    expect(await store.heldActions('sandbox')).toEqual([]);
    expect(await store.completeAction('sandbox', entry.key, '5551')).toMatchObject({
      status: 'done',
    });
  });

  it('lists held actions, oldest first, with the action as planned', async () => {
    const { store, clock } = await openTestStore(NOW);
    const older = taskAction({ companyId: '2' });
    const newer = taskAction({ companyId: '1' });
    await store.recordIntents('sandbox', [older]);
    clock.advance(MINUTE);
    await store.recordIntents('sandbox', [newer, taskAction({ companyId: '3' })]);
    await store.holdAction('sandbox', newer.key, 'cap');
    await store.holdAction('sandbox', older.key, 'cap');
    const held = await store.heldActions('sandbox');
    expect(held.map((e) => e.action)).toEqual([older, newer]);
    expect(await store.heldActions('884422')).toEqual([]);
  });
});

describe('unfinished actions', () => {
  it('lists the intents a crash left behind, oldest first, and only those', async () => {
    const { store, clock, open } = await openTestStore(NOW);
    const [a, b, c, d] = ['1', '2', '3', '4'].map((companyId) => taskAction({ companyId }));
    await store.recordIntents('sandbox', [b!, a!]);
    clock.advance(MINUTE);
    await store.recordIntents('sandbox', [c!, d!]);
    await store.recordIntents('884422', [taskAction()]);
    await store.completeAction('sandbox', c!.key, '1');
    await store.holdAction('sandbox', d!.key, 'cap');
    await store.close();

    const restarted = await open();
    const unfinished = await restarted.unfinishedActions('sandbox');
    expect(unfinished.map((e) => e.key)).toEqual([b!.key, a!.key]);
    expect(unfinished[0]?.marker).toBe(actionMarker('sandbox', b!.key));
  });
});

describe('the daily task cap', () => {
  const dayStart = '2025-03-10T00:00:00+01:00';

  it('counts the tasks done for one owner since the start of their day', async () => {
    const { store, clock } = await openTestStore('2025-03-09T22:59:59.999Z');
    const done = async (companyId: string, ownerId: string | null, portal = 'sandbox') => {
      const task = taskAction({ companyId, ownerId });
      await store.recordIntents(portal, [task]);
      await store.completeAction(portal, task.key, `t-${companyId}`);
    };
    await done('1', '61234567'); // the day before, 1 ms before midnight in Berlin
    clock.advance(1);
    await done('2', '61234567'); // exactly at the start of the day
    await done('3', '61234567');
    await done('4', '70000001');
    await done('5', null);
    await done('6', '61234567', '884422');
    const enrol = enrollAction({ companyId: '7' });
    await store.recordIntents('sandbox', [enrol, taskAction({ companyId: '8' })]);
    await store.completeAction('sandbox', enrol.key, 'enrolment-1');
    const held = taskAction({ companyId: '9' });
    await store.recordIntents('sandbox', [held]);
    await store.holdAction('sandbox', held.key, 'cap');

    expect(await store.tasksCreatedForOwnerSince('sandbox', '61234567', dayStart)).toBe(2);
    expect(await store.tasksCreatedForOwnerSince('sandbox', '70000001', dayStart)).toBe(1);
    expect(await store.tasksCreatedForOwnerSince('884422', '61234567', dayStart)).toBe(1);
    expect(await store.tasksCreatedForOwnerSince('sandbox', '404', dayStart)).toBe(0);
    // The portal's day: every owner's tasks and those with none, not the other portal's.
    expect(await store.tasksCreatedSince('sandbox', dayStart)).toBe(4);
    expect(await store.tasksCreatedSince('884422', dayStart)).toBe(1);
    expect(await store.tasksCreatedSince('sandbox', '2025-03-09T00:00:00Z')).toBe(5);
  });

  it('counts a held task on the day it is finally done', async () => {
    const { store, clock } = await openTestStore(NOW);
    const task = taskAction();
    await store.recordIntents('sandbox', [task]);
    await store.holdAction('sandbox', task.key, 'cap');
    clock.advance(24 * 60 * MINUTE);
    await store.recordIntents('sandbox', [task]);
    await store.completeAction('sandbox', task.key, '5551');
    const count = (since: string) => store.tasksCreatedForOwnerSince('sandbox', '61234567', since);
    expect(await count('2025-03-10T00:00:00Z')).toBe(1);
    expect(await count('2025-03-11T00:00:00Z')).toBe(1);
    expect(await count('2025-03-11T12:00:00.001Z')).toBe(0);
  });

  it('rejects a start that is not a time', async () => {
    const { store } = await openTestStore(NOW);
    await expect(store.tasksCreatedForOwnerSince('sandbox', '1', 'today')).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(store.tasksCreatedSince('sandbox', 'today')).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});

describe('the ledger of a company', () => {
  it('lists every entry of the company, newest first', async () => {
    const { store, clock } = await openTestStore(NOW);
    const first = taskAction({ ruleId: 'score_drop_7d' });
    const second = enrollAction();
    await store.recordIntents('sandbox', [first, taskAction({ companyId: '202' })]);
    clock.advance(MINUTE);
    await store.recordIntents('sandbox', [second]);
    const entries = await store.ledgerForCompany('sandbox', '101');
    expect(entries.map((e) => e.key)).toEqual([second.key, first.key]);
    expect(await store.ledgerForCompany('884422', '101')).toEqual([]);
  });
});

describe('uncertain actions', () => {
  it('marks an intent uncertain, and moves its time when it is sent and unanswered again', async () => {
    const { store, clock } = await openTestStore(NOW);
    const task = taskAction();
    await store.recordIntents('sandbox', [task]);
    clock.advance(MINUTE);
    expect(await store.markUncertain('sandbox', task.key, 'HubSpot answered 502')).toMatchObject({
      status: 'uncertain',
      detail: 'HubSpot answered 502',
      updatedAt: '2025-03-10T12:01:00.000Z',
    });
    clock.advance(MINUTE);
    expect(await store.markUncertain('sandbox', task.key, 'timed out')).toMatchObject({
      status: 'uncertain',
      detail: 'timed out',
      updatedAt: '2025-03-10T12:02:00.000Z',
    });
    expect((await store.unfinishedActions('sandbox')).map((e) => e.status)).toEqual(['uncertain']);
    expect(await store.completeAction('sandbox', task.key, '5551')).toMatchObject({
      status: 'done',
      hubspotId: '5551',
    });
  });

  it('refuses to mark a settled or unknown action uncertain', async () => {
    const { store } = await openTestStore(NOW);
    const task = taskAction();
    await store.recordIntents('sandbox', [task]);
    await store.holdAction('sandbox', task.key, 'cap');
    await expect(store.markUncertain('sandbox', task.key, 'no answer')).rejects.toMatchObject({
      code: 'action-not-pending',
      message: expect.stringMatching(/is held, so it cannot become uncertain/),
    });
    await expect(store.markUncertain('sandbox', 'nope', 'no answer')).rejects.toMatchObject({
      code: 'action-not-found',
    });
    await expect(store.markUncertain('sandbox', task.key, '')).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});

describe('the ledger by company', () => {
  it('groups the portal’s entries by company id, each company’s newest first', async () => {
    const { store, clock } = await openTestStore(NOW);
    const olderB = taskAction({ companyId: 'b' });
    const newerB = enrollAction({ companyId: 'b' });
    await store.recordIntents('sandbox', [olderB, taskAction({ companyId: 'a' })]);
    clock.advance(MINUTE);
    await store.recordIntents('sandbox', [newerB]);
    await store.recordIntents('884422', [taskAction({ companyId: 'c' })]);
    const byCompany = await store.ledgerByCompany('sandbox');
    expect([...byCompany.keys()]).toEqual(['a', 'b']);
    expect(byCompany.get('b')!.map((e) => e.key)).toEqual([newerB.key, olderB.key]);
    expect((await store.ledgerByCompany('nobody')).size).toBe(0);
  });
});

// Two replicas (two stores on one database) must never both act on one key: the ledger keeps one
// row per key, and exactly one of them is told it is new (or released) and so acts on it.
describe('two stores recording at the same moment', () => {
  const batch = (episode: string) =>
    Array.from({ length: 25 }, (_, i) => taskAction({ companyId: String(100 + i), episode }));

  it('records each key once, and the two agree on which recorded it', async () => {
    const { store, open } = await openTestStore(NOW);
    const other = await open();
    const episodes = ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14'];
    for (const episode of episodes) {
      const actions = batch(episode);
      // In opposite orders, the likeliest way for row locks to deadlock.
      const [mine, theirs] = await Promise.all([
        store.recordIntents('sandbox', actions),
        other.recordIntents('sandbox', [...actions].reverse()),
      ]);
      const theirsByKey = new Map(theirs.map((r) => [r.entry.key, r]));
      for (const recorded of mine) {
        const twin = theirsByKey.get(recorded.entry.key)!;
        expect([recorded.outcome, twin.outcome].sort()).toEqual(['existing', 'new']);
        expect(twin.entry).toEqual(recorded.entry);
      }
    }
    expect(await store.unfinishedActions('sandbox')).toHaveLength(125);
  });

  it('releases a held action once', async () => {
    const { store, open, clock } = await openTestStore(NOW);
    const other = await open();
    const actions = batch('2025-03-10');
    await store.recordIntents('sandbox', actions);
    for (const action of actions) await store.holdAction('sandbox', action.key, 'cap');
    clock.advance(MINUTE);
    const [mine, theirs] = await Promise.all([
      store.recordIntents('sandbox', actions),
      other.recordIntents('sandbox', [...actions].reverse()),
    ]);
    const released = [...mine, ...theirs].filter((r) => r.outcome === 'released');
    expect(released.map((r) => r.entry.key).sort()).toEqual(actions.map((a) => a.key).sort());
    expect([...mine, ...theirs].every((r) => r.entry.status === 'intent')).toBe(true);
    expect(await store.heldActions('sandbox')).toEqual([]);
  });

  it('settles an action once: the other store is told it is done already', async () => {
    const { store, open } = await openTestStore(NOW);
    const other = await open();
    const task = taskAction();
    await store.recordIntents('sandbox', [task]);
    const settled = await Promise.allSettled([
      store.completeAction('sandbox', task.key, '5551'),
      other.completeAction('sandbox', task.key, '5552'),
    ]);
    const won = settled.filter((s) => s.status === 'fulfilled');
    const lost = settled.filter((s) => s.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost[0]?.reason).toMatchObject({ code: 'action-not-pending' });
    const [entry] = await store.ledgerForCompany('sandbox', '101');
    expect(entry?.hubspotId).toBe(won[0]!.value.hubspotId);
  });
});
