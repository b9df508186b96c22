import { describe, expect, it } from 'vitest';
import { startOfDay } from '../../../src/jobs/owner-day.ts';
import { collapse, HOUR, NOW, playsWorld, type PlaysWorld } from '../../support/plays-world.ts';

const CAP = 2;

/**
 * The owner with the most paying customers that have no save task yet and score 60 or more (so
 * a collapse is a sharp drop that fires), with those companies.
 */
async function busiestOwner(world: PlaysWorld): Promise<{ owner: string; ids: string[] }> {
  const ids = world.companyIds();
  const [scores, tracks] = await Promise.all([
    world.store.latestScores('sandbox', ids),
    world.store.openTracks('sandbox', ids),
  ]);
  const byOwner = new Map<string, string[]>();
  for (const { id, properties } of world.portal<{ id: number; properties: string }>(
    `SELECT id, properties FROM objects WHERE type = 'companies' ORDER BY id`,
  )) {
    const p = JSON.parse(properties) as Record<string, string | undefined>;
    const key = String(id);
    const ok =
      p.customer_status === 'active' &&
      p.hubspot_owner_id !== undefined &&
      (scores.get(key)?.score ?? 0) >= 60 &&
      !tracks.get(key)?.save?.task;
    if (ok) byOwner.set(p.hubspot_owner_id!, [...(byOwner.get(p.hubspot_owner_id!) ?? []), key]);
  }
  const [owner, companies] = [...byOwner].sort((a, b) => b[1].length - a[1].length)[0]!;
  return { owner, ids: companies };
}

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
