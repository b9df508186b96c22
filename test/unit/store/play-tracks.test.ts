import { describe, expect, it } from 'vitest';
import type { TaskAction } from '../../../src/plays/play-types.ts';
import { actionMarker } from '../../../src/store/action-marker.ts';
import type { TrackAdoption } from '../../../src/store/store.ts';
import { openTestStore } from './open-test-store.ts';
import { taskAction, taskUpdateAction, trackState } from './planned-action.ts';

const NOW = '2025-03-10T12:00:00.000Z';
const LATER = '2025-03-10T18:00:00.000Z';

describe('open tracks', () => {
  it('saves the tracks with the active rules and reads them back per company', async () => {
    const { store } = await openTestStore(NOW);
    const save = trackState();
    const renewal = trackState({ kind: 'renewal', episode: '2025-04-30', task: false });
    await store.commitPlays({
      portal: 'sandbox',
      intents: [],
      active: [
        { companyId: '1', ruleIds: ['tier-critical'], evaluatedAt: NOW, tracks: { save, renewal } },
        { companyId: '2', ruleIds: [], evaluatedAt: NOW },
      ],
    });
    expect(await store.openTracks('sandbox', ['1', '2', '3'])).toEqual(
      new Map([
        ['1', { save, renewal }],
        ['2', {}],
      ]),
    );
    expect((await store.openTracks('884422', ['1'])).size).toBe(0);
  });

  it('takes the tracks of the later evaluation, as it does the active rules', async () => {
    const { store } = await openTestStore(NOW);
    await store.putActiveRules('sandbox', [
      { companyId: '1', ruleIds: [], evaluatedAt: LATER, tracks: {} },
    ]);
    await store.putActiveRules('sandbox', [
      {
        companyId: '1',
        ruleIds: ['tier-critical'],
        evaluatedAt: NOW,
        tracks: { save: trackState() },
      },
    ]);
    expect((await store.openTracks('sandbox', ['1'])).get('1')).toEqual({});
  });
});

describe('the plays baseline', () => {
  it('is unset until marked, then keeps the first time it was marked, per portal', async () => {
    const { store } = await openTestStore(NOW);
    expect(await store.playsBaselineAt('sandbox')).toBeNull();
    await store.markPlaysBaseline('sandbox', '2025-03-10T13:00:00+01:00');
    expect(await store.playsBaselineAt('sandbox')).toBe(NOW);
    await store.markPlaysBaseline('sandbox', LATER);
    expect(await store.playsBaselineAt('sandbox')).toBe(NOW);
    expect(await store.playsBaselineAt('884422')).toBeNull();
  });

  it("keeps the lifecycle plays' baseline apart: a portal upgraded to them records them once", async () => {
    const { store } = await openTestStore(NOW);
    await store.markPlaysBaseline('sandbox', NOW);
    expect(await store.playsBaselineAt('sandbox', 'lifecycle')).toBeNull();
    await store.markPlaysBaseline('sandbox', LATER, 'lifecycle');
    expect(await store.playsBaselineAt('sandbox', 'lifecycle')).toBe(LATER);
    expect(await store.playsBaselineAt('sandbox')).toBe(NOW);
  });

  it('refuses a time that is not an instant, and stays unset', async () => {
    const { store } = await openTestStore(NOW);
    await expect(store.markPlaysBaseline('sandbox', 'yesterday')).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(await store.playsBaselineAt('sandbox')).toBeNull();
  });
});

describe('task updates in the ledger', () => {
  it("records an update apart from its task, settles it with the task's id, once", async () => {
    const { store } = await openTestStore(NOW);
    const task = taskAction({ ruleId: 'save-playbook' });
    await store.recordIntents('sandbox', [task]);
    await store.completeAction('sandbox', task.key, '5001');
    const update = taskUpdateAction({ target: task.key });
    const [recorded] = await store.recordIntents('sandbox', [update]);
    expect(recorded).toMatchObject({
      outcome: 'new',
      entry: { key: update.key, kind: 'task-update', status: 'intent', ownerId: null },
    });
    expect(recorded!.entry.action).toEqual(update);
    const created = (await store.ledgerForCompany('sandbox', '101')).find(
      (e) => e.key === task.key,
    );
    expect(created).toMatchObject({ kind: 'task', status: 'done', hubspotId: '5001' });
    expect(await store.completeAction('sandbox', update.key, '5001')).toMatchObject({
      status: 'done',
      hubspotId: '5001',
    });
    const [again] = await store.recordIntents('sandbox', [update]);
    expect(again?.outcome).toBe('existing');
    // The daily cap counts tasks created, not tasks rewritten.
    expect(await store.tasksCreatedForOwnerSince('sandbox', '61234567', NOW)).toBe(1);
  });
});

describe('revising a held action', () => {
  const held = taskAction({ ruleId: 'save-playbook' });
  const revised: TaskAction = {
    ...held,
    ownerId: '61239999',
    subject: 'Data export requested: call today — Acme',
    body: 'Why now: they asked to export their data.',
    dueAt: '2025-03-10T17:00:00.000Z',
  };

  it('replaces what a held task will do, and releasing it does the revised task', async () => {
    const { store } = await openTestStore(NOW);
    await store.recordIntents('sandbox', [held]);
    await store.holdAction('sandbox', held.key, 'daily cap reached');
    await store.reviseHeldAction('sandbox', held.key, revised);
    const [entry] = await store.heldActions('sandbox');
    expect(entry).toMatchObject({
      status: 'held',
      ownerId: '61239999',
      detail: 'daily cap reached',
    });
    expect(entry!.action).toEqual(revised);
    const [released] = await store.recordIntents('sandbox', [entry!.action]);
    expect(released).toMatchObject({ outcome: 'released', entry: { status: 'intent' } });
    expect(released!.entry.action).toEqual(revised);
  });

  it('refuses to revise anything but a held action, and leaves it as it was', async () => {
    const { store } = await openTestStore(NOW);
    await store.recordIntents('sandbox', [held]);
    await expect(store.reviseHeldAction('sandbox', held.key, revised)).rejects.toMatchObject({
      code: 'action-not-pending',
      message: expect.stringContaining('is intent'),
    });
    await store.completeAction('sandbox', held.key, '5001');
    await expect(store.reviseHeldAction('sandbox', held.key, revised)).rejects.toMatchObject({
      code: 'action-not-pending',
    });
    const [entry] = await store.ledgerForCompany('sandbox', '101');
    expect(entry).toMatchObject({ status: 'done', ownerId: held.ownerId });
    expect(entry!.action).toEqual(held);
    const other = taskAction({ ruleId: 'renewal-plan' });
    await expect(store.reviseHeldAction('sandbox', other.key, other)).rejects.toMatchObject({
      code: 'action-not-found',
    });
    await expect(store.reviseHeldAction('sandbox', held.key, other)).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});

describe('adopting open tasks found in HubSpot', () => {
  const task = taskAction({ ruleId: 'save-playbook' });
  const manager = taskAction({ ruleId: 'save-playbook', suffix: 'manager', ownerId: '7001' });
  const found = (overrides: Partial<TrackAdoption> = {}): TrackAdoption => ({
    companyId: '101',
    track: trackState({ manager: true }),
    tasks: [
      { action: task, hubspotId: '5001', createdAt: '2025-03-09T10:00:00+01:00' },
      { action: manager, hubspotId: '5002', createdAt: '2025-03-09T10:00:00+01:00' },
    ],
    ...overrides,
  });

  it('makes each task a done entry of its track, opens the track, and notes when', async () => {
    const { store } = await openTestStore(NOW);
    expect(await store.playsAdoptedAt('sandbox')).toBeNull();
    expect(await store.adoptTracks('sandbox', [found()], '2025-03-10T13:00:00+01:00')).toBe(2);
    const entries = await store.ledgerForCompany('sandbox', '101');
    expect(entries.map((e) => e.key)).toEqual([manager.key, task.key]);
    expect(entries[1]).toEqual({
      portal: 'sandbox',
      key: task.key,
      companyId: '101',
      ruleId: 'save-playbook',
      episode: task.episode,
      kind: 'task',
      ownerId: task.ownerId,
      status: 'done',
      marker: actionMarker('sandbox', task.key),
      action: task,
      hubspotId: '5001',
      detail: expect.stringContaining('adopted'),
      createdAt: NOW,
      updatedAt: NOW,
      doneAt: '2025-03-09T09:00:00.000Z',
    });
    expect(await store.openTracks('sandbox', ['101'])).toEqual(
      new Map([['101', { save: trackState({ manager: true }) }]]),
    );
    expect(await store.playsAdoptedAt('sandbox')).toBe(NOW);
    // Counted against the owner's cap on the day the task was made, not today.
    const since = (at: string) => store.tasksCreatedForOwnerSince('sandbox', task.ownerId!, at);
    expect(await since('2025-03-09T00:00:00.000Z')).toBe(1);
    expect(await since(NOW)).toBe(0);
  });

  it('leaves out a task the ledger knows and a track already open', async () => {
    const { store } = await openTestStore(NOW);
    await store.recordIntents('sandbox', [task]);
    await store.completeAction('sandbox', task.key, '5001');
    await store.putActiveRules('sandbox', [
      {
        companyId: '202',
        ruleIds: ['tier-critical'],
        evaluatedAt: NOW,
        tracks: { save: trackState() },
      },
    ]);
    const renewal = trackState({ kind: 'renewal', episode: '2025-04-30' });
    const renewalTask = taskAction({
      companyId: '202',
      ruleId: 'renewal-plan',
      episode: '2025-04-30',
    });
    const adopted = await store.adoptTracks(
      'sandbox',
      [
        found(),
        found({
          companyId: '202',
          tasks: [{ action: taskAction({ companyId: '202' }), hubspotId: '6001', createdAt: NOW }],
        }),
        found({
          companyId: '202',
          track: renewal,
          tasks: [{ action: renewalTask, hubspotId: '6002', createdAt: NOW }],
        }),
      ],
      LATER,
    );
    expect(adopted).toBe(1);
    expect(await store.openTracks('sandbox', ['101', '202'])).toEqual(
      new Map([['202', { save: trackState(), renewal }]]),
    );
    expect((await store.ledgerForCompany('sandbox', '202')).map((e) => e.key)).toEqual([
      renewalTask.key,
    ]);
    expect((await store.activeRules('sandbox', ['202'])).get('202')).toEqual(
      new Set(['tier-critical']),
    );
    expect(await store.playsAdoptedAt('sandbox')).toBe(LATER);
  });

  it('loses the track to any evaluation saved after it, however early', async () => {
    const { store } = await openTestStore(NOW);
    await store.adoptTracks('sandbox', [found()], NOW);
    await store.putActiveRules('sandbox', [
      { companyId: '101', ruleIds: [], evaluatedAt: '2020-01-01T00:00:00.000Z', tracks: {} },
    ]);
    expect((await store.openTracks('sandbox', ['101'])).get('101')).toEqual({});
  });

  it('notes each run, even one that adopted nothing', async () => {
    const { store } = await openTestStore(NOW);
    expect(await store.adoptTracks('sandbox', [], NOW)).toBe(0);
    expect(await store.playsAdoptedAt('sandbox')).toBe(NOW);
    expect(await store.adoptTracks('sandbox', [], LATER)).toBe(0);
    expect(await store.playsAdoptedAt('sandbox')).toBe(LATER);
    expect(await store.playsAdoptedAt('884422')).toBeNull();
  });

  it('refuses a time that is not an instant, and adopts nothing', async () => {
    const { store } = await openTestStore(NOW);
    await expect(store.adoptTracks('sandbox', [found()], 'now')).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(await store.ledgerForCompany('sandbox', '101')).toEqual([]);
    expect((await store.openTracks('sandbox', ['101'])).size).toBe(0);
    expect(await store.playsAdoptedAt('sandbox')).toBeNull();
  });

  it('adopts a task once when two stores adopt it at the same moment', async () => {
    const { store, open } = await openTestStore(NOW);
    const other = await open();
    const counts = await Promise.all([
      store.adoptTracks('sandbox', [found()], NOW),
      other.adoptTracks('sandbox', [found()], NOW),
    ]);
    expect(counts.sort()).toEqual([0, 2]);
    expect(await store.ledgerForCompany('sandbox', '101')).toHaveLength(2);
  });
});
