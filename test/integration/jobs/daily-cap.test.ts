import { describe, expect, it } from 'vitest';
import { startOfDay } from '../../../src/jobs/owner-day.ts';
import { collapse, HOUR, NOW, playsWorld } from '../../support/plays-world.ts';
import { busiestOwner } from './busiest-owner.ts';

const CAP = 2;

describe("an owner's daily task cap against the sandbox portal", () => {
  it('holds the tasks beyond it and creates them the next day', async () => {
    const world = await playsWorld(60, { dailyTaskCapPerOwner: CAP });
    const { store, ledger } = world;
    await world.run();
    const { owner, ids } = await busiestOwner(world);
    expect(ids.length).toBeGreaterThan(CAP);
    for (const id of ids) await collapse(world.gateway, id);

    const monday = new Date(NOW.getTime() + 2 * HOUR);
    const second = await world.run(monday);
    const since = startOfDay(monday, 'UTC');
    expect(await store.tasksCreatedForOwnerSince('sandbox', owner, since)).toBe(CAP);
    const held = second.plays.heldBack.filter((h) => h.ownerId === owner);
    expect(held.length).toBeGreaterThan(0);
    for (const h of held) {
      const [entry] = (await ledger(h.companyId)).filter((e) => e.key === h.key);
      expect(entry).toMatchObject({ kind: 'task', ruleId: 'save-playbook', status: 'held' });
      expect(entry!.detail).toContain('plays.dailyTaskCapPerOwner');
      expect(world.tasksWithMarker(entry!.marker)).toBe(0);
    }
    // Every collapsed company has its one save task: created now, or held for tomorrow.
    for (const id of ids) {
      const tasks = (await ledger(id)).filter((e) => e.kind === 'task');
      expect(tasks.map((e) => e.ruleId)).toEqual(['save-playbook']);
      expect(['done', 'held']).toContain(tasks[0]!.status);
    }

    const tuesday = new Date(monday.getTime() + 24 * HOUR);
    const next = await world.run(tuesday);
    const released = next.plays.tasksCreated.filter((t) => held.some((h) => h.key === t.key));
    expect(released.length).toBe(Math.min(CAP, held.length));
    for (const r of released) {
      const [entry] = (await ledger(r.companyId)).filter((e) => e.key === r.key);
      expect(entry?.status).toBe('done');
      expect(world.tasksWithMarker(entry!.marker)).toBe(1);
    }
  });
});
