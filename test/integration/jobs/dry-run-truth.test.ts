import { describe, expect, it } from 'vitest';
import { startOfDay } from '../../../src/jobs/owner-day.ts';
import type { PlanStep } from '../../../src/jobs/plays-preview.ts';
import type { RescoreSummary } from '../../../src/jobs/run-rescore.ts';
import {
  collapse,
  HOUR,
  NOW,
  playsWorld,
  quietAccounts,
  setCompany,
  type PlaysWorld,
} from '../../support/plays-world.ts';
import { busiestOwner } from './busiest-owner.ts';

const CAP = 2;
const CANCEL = 'cancellation_terms_asked_at';
const EXPORT = 'data_export_requested_at';

const keys = (items: readonly { key: string }[]) => items.map((i) => i.key).sort();
const byKey = <T extends { key: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.key.localeCompare(b.key));

/** A dry run, then a real run at the same time: the plan must be what the run then does. */
async function previewThenRun(world: PlaysWorld, at: Date) {
  world.clock.now = at;
  const dry = await world.preview();
  const real = await world.run(at);
  const steps = (f: (s: PlanStep) => boolean) => dry.planned.filter(f);
  const created = steps((s) => s.kind === 'task' && !s.heldBack);
  expect(keys(created)).toEqual(keys(real.plays.tasksCreated));
  expect(keys(steps((s) => s.heldBack))).toEqual(keys(real.plays.heldBack));
  expect(byKey(dry.plays.heldBack)).toEqual(byKey(real.plays.heldBack));
  const updates = (status: string) =>
    keys(steps((s) => s.kind === 'task-update' && s.status === status));
  expect(updates('NOT_STARTED')).toEqual(keys(real.plays.tasksUpdated));
  expect(updates('COMPLETED')).toEqual(keys(real.plays.tasksCompleted));
  expect(keys(steps((s) => s.kind === 'enroll'))).toEqual(keys(real.plays.enrolled));
  expect(byKey(dry.plays.skipped)).toEqual(byKey(real.plays.skipped));
  expect(dry.baseline).toEqual(real.baseline);
  expect(real.plays.failed).toEqual([]);
  // Each task goes out exactly as planned: subject, owner, due time.
  for (const step of created) {
    const [entry] = (await world.ledger(step.companyId)).filter((e) => e.key === step.key);
    expect({ ...entry?.action, heldBack: false }).toEqual(step);
  }
  return { dry, real };
}

/** Quiet accounts whose owners have room under the cap today, none of `busy`'s. */
async function freeAccounts(world: PlaysWorld, busy: string, at: Date): Promise<string[]> {
  const room = new Map<string, number>();
  const since = startOfDay(at, 'UTC');
  const free: string[] = [];
  for (const id of await quietAccounts(world)) {
    const [row] = world.portal<{ properties: string }>(
      `SELECT properties FROM objects WHERE type = 'companies' AND id = ?`,
      Number(id),
    );
    const owner = (JSON.parse(row!.properties) as { hubspot_owner_id: string }).hubspot_owner_id;
    if (owner === busy) continue;
    if (!room.has(owner))
      room.set(owner, CAP - (await world.store.tasksCreatedForOwnerSince('sandbox', owner, since)));
    if (room.get(owner)! <= 0) continue;
    room.set(owner, room.get(owner)! - 1);
    free.push(id);
  }
  return free;
}

const heldIn = (s: RescoreSummary) => s.plays.heldBack.map((h) => h.key);

describe('a dry run against the sandbox portal', () => {
  it('plans exactly what the real run at the same time then creates, holds back and updates', async () => {
    const world = await playsWorld(60, { dailyTaskCapPerOwner: CAP });

    // The baseline: the dry run shows only what it acts on, and what it records instead.
    const baseline = await previewThenRun(world, NOW);
    expect(baseline.dry.baseline).not.toBeNull();
    expect(baseline.dry.baseline!.tracks).toBeGreaterThan(0);

    // Monday noon: one owner's accounts collapse, beyond the cap; two others ask how to cancel.
    const monday = new Date(NOW.getTime() + 2 * HOUR);
    const { owner, ids } = await busiestOwner(world);
    expect(ids.length).toBeGreaterThan(CAP);
    const [asking, recovering] = await freeAccounts(world, owner, monday);
    expect(recovering, 'two quiet accounts whose owners have room today').toBeDefined();
    for (const id of ids) await collapse(world.gateway, id);
    for (const id of [asking!, recovering!])
      await setCompany(world.gateway, id, { [CANCEL]: monday.toISOString() });
    const second = await previewThenRun(world, monday);
    expect(second.dry.baseline).toBeNull();
    expect(second.dry.planned.filter((s) => s.heldBack).length).toBeGreaterThan(0);
    expect(second.dry.plays.heldBack[0]).toMatchObject({
      reason: expect.stringContaining('plays.dailyTaskCapPerOwner'),
      releaseAt: '2026-11-17T00:00:00.000Z',
    });

    // Tuesday: the held tasks get their turn (due times that passed move to today), one asker
    // also wants their data (an update), the other withdraws (the episode ends: a completion).
    const tuesday = new Date(NOW.getTime() + 24 * HOUR);
    await setCompany(world.gateway, asking!, { [EXPORT]: tuesday.toISOString() });
    await setCompany(world.gateway, recovering!, { [CANCEL]: '' });
    const third = await previewThenRun(world, tuesday);
    const released = third.dry.planned.filter((s) => heldIn(second.real).includes(s.key));
    expect(released.length).toBeGreaterThan(0);
    for (const s of released)
      if (s.kind === 'task' && !s.heldBack)
        expect(Date.parse(s.dueAt)).toBeGreaterThanOrEqual(tuesday.getTime());
    expect(third.real.plays.tasksUpdated.map((u) => u.companyId)).toContain(asking);
    expect(third.real.plays.tasksCompleted.map((u) => u.companyId)).toContain(recovering);
  }, 120_000);
});
