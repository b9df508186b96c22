import { describe, expect, it } from 'vitest';
import type { Gateway } from '../../../src/hubspot/create-gateway.ts';
import type { CardSnapshot } from '../../../src/jobs/card-snapshot.ts';
import {
  collapse,
  HOUR,
  NOW,
  playsWorld,
  quietAccounts,
  setCompany,
} from '../../support/plays-world.ts';

// A first run on a fresh store is the portal's baseline (see plays-baseline.test.ts): to see
// plays act, each test runs once, changes the portal as HubSpot users would, and runs again.
describe('plays against the sandbox portal', () => {
  it('turns a tier drop after the baseline into one save task, due the same day, never repeated', async () => {
    const world = await playsWorld(60);
    const { store, gateway, ledger } = world;
    await world.run();
    const [id] = await quietAccounts(world);
    await collapse(gateway, id!);

    const second = await world.run(new Date(NOW.getTime() + 2 * HOUR));
    const entries = await ledger(id!);
    expect(entries.map((e) => [e.key, e.kind, e.status])).toEqual([
      [expect.stringMatching(new RegExp(`^${id}:save-playbook:2026-11-16T`)), 'task', 'done'],
    ]);
    const [task] = entries;
    expect(world.tasksWithMarker(task!.marker)).toBe(1);
    expect(second.plays.tasksCreated.filter((t) => t.companyId === id)).toHaveLength(1);
    const save = (await store.openTracks('sandbox', [id!])).get(id!)?.save;
    const fired = save?.triggers.map((t) => t.ruleId) ?? [];
    expect(fired).toContain('score-drop-7d');
    expect(fired.some((r) => r === 'tier-critical' || r === 'tier-at-risk')).toBe(true);
    // The sharp drop asks for today: by the end of Monday's workday, 18:00 UTC.
    expect(task!.action).toMatchObject({ priority: 'HIGH', dueAt: '2026-11-16T18:00:00.000Z' });
    expect(world.task(task!.hubspotId!).hs_timestamp).toBe('2026-11-16T18:00:00.000Z');

    const third = await world.run(new Date(NOW.getTime() + 3 * HOUR));
    expect(third.plays).toMatchObject({ tasksCreated: [], tasksUpdated: [], enrolled: [] });
    expect(await ledger(id!)).toHaveLength(1);
    expect(world.tasksWithMarker(task!.marker)).toBe(1);

    // The card lists the open save track as one play, fed by the drop.
    const card = (await store.companyStates('sandbox', [id!])).get(id!)?.card as CardSnapshot;
    expect(card).toMatchObject({ companyId: id, state: 'scored' });
    expect(['critical', 'at_risk']).toContain(card.tier.key);
    expect(card.plays.find((p) => p.id === 'save-playbook')).toMatchObject({
      priority: 'HIGH',
      dueAt: '2026-11-16T18:00:00.000Z',
    });
    expect(card.drivers.length).toBeGreaterThan(0);
  });

  it('enrols renewal signers once per renewal date and churned accounts in win-back once', async () => {
    const world = await playsWorld(60);
    const { store, gateway, ledger, portal } = world;
    await world.run();
    const quiet = await quietAccounts(world);
    expect(quiet.length).toBeGreaterThanOrEqual(4);
    const [renewing, churning] = [quiet.slice(0, 2), quiet.slice(2, 4)];
    // 85 days ahead: inside the renewal sequence's window (90 to 76 days before).
    for (const id of renewing) await setCompany(gateway, id, { renewal_date: '2027-02-09' });
    for (const id of churning)
      await setCompany(gateway, id, { customer_status: 'churned', churned_at: '2026-11-16' });

    const second = await world.run(new Date(NOW.getTime() + 2 * HOUR));
    const entries = async (ids: string[], ruleId: string) =>
      (await Promise.all(ids.map((id) => ledger(id))))
        .flat()
        .filter((e) => e.kind === 'enroll' && e.ruleId === ruleId);
    const renewal = await entries(renewing, 'renewal-sequence');
    const winBack = await entries(churning, 'win-back');
    expect(renewal.some((e) => e.status === 'done')).toBe(true);
    expect(winBack.some((e) => e.status === 'done')).toBe(true);
    const done = [...renewal, ...winBack].filter((e) => e.status === 'done');
    expect(second.plays.enrolled.map((e) => e.key).sort()).toEqual(done.map((e) => e.key).sort());

    const third = await world.run(new Date(NOW.getTime() + 3 * HOUR));
    expect(third.plays.enrolled).toEqual([]);
    const perContact = portal<{ contact_id: number; n: number }>(
      'SELECT contact_id, COUNT(*) AS n FROM enrollments GROUP BY contact_id HAVING n > 1',
    );
    expect(perContact).toEqual([]);
    for (const e of done) {
      const action = e.action.kind === 'enroll' ? e.action : null;
      const rows = portal<{ sequence_id: number }>(
        'SELECT sequence_id FROM enrollments WHERE contact_id = ?',
        Number(action!.contactId),
      );
      expect(rows.map((r) => String(r.sequence_id))).toEqual([action!.sequenceId]);
    }
    expect(await store.unfinishedActions('sandbox')).toEqual([]);
  });

  it('still gives one task when the process dies between the HubSpot call and the ledger write', async () => {
    // The next run comes at once: it must wait until the sandbox's search shows the tasks.
    const world = await playsWorld(40, {}, { settleAfterSeconds: 5 });
    const { store, gateway, tasksWithMarker } = world;
    const dying: Gateway = {
      ...gateway,
      createTasks: async (tasks) => {
        await gateway.createTasks(tasks);
        throw new Error('killed before the ledger write');
      },
    };
    // The baseline still creates the urgent accounts' tasks.
    await expect(world.run(undefined, dying)).rejects.toThrow('killed');
    expect(await store.playsBaselineAt('sandbox')).toBeNull();
    const pending = await store.unfinishedActions('sandbox');
    const tasks = pending.filter((e) => e.kind === 'task');
    expect(tasks.length).toBeGreaterThan(0);
    for (const entry of tasks) expect(tasksWithMarker(entry.marker)).toBe(1);

    const recovery = await world.run();
    // Finding them again is part of the run's cost.
    expect(recovery.apiCalls['tasks.search']).toBeGreaterThanOrEqual(Math.ceil(tasks.length / 5));
    expect((await store.unfinishedActions('sandbox')).filter((e) => e.kind === 'task')).toEqual([]);
    for (const entry of tasks) {
      expect(tasksWithMarker(entry.marker)).toBe(1);
      const [now] = (await world.ledger(entry.companyId)).filter((e) => e.key === entry.key);
      expect(now?.status).toBe('done');
    }
  });

  it('plans in a dry run without creating, enrolling or recording anything', async () => {
    const world = await playsWorld(40);
    const dry = await world.preview();
    expect(dry.planned.some((a) => a.kind === 'task')).toBe(true);
    expect(dry.plays.tasksCreated).toEqual([]);
    expect(world.taskCount()).toBe(0);
    expect(world.portal('SELECT id FROM enrollments')).toEqual([]);
    expect(await world.store.unfinishedActions('sandbox')).toEqual([]);
    expect(await world.store.playsBaselineAt('sandbox')).toBeNull();
    const ids = [...new Set(dry.planned.map((a) => a.companyId))];
    for (const id of ids) expect(await world.ledger(id)).toEqual([]);
  });
});
