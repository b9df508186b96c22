import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { rebuildStore } from '../../../src/jobs/rebuild-store.ts';
import { runRescore } from '../../../src/jobs/run-rescore.ts';
import { openSqliteStore } from '../../../src/store/open-sqlite-store.ts';
import {
  collapse,
  HOUR,
  NOW,
  plainText,
  playsWorld,
  quietAccounts,
  setCompany,
  type PlaysWorld,
} from '../../support/plays-world.ts';

const DAY = 24 * HOUR;
// The sandbox's search shows a write 2 to 5 s after it: a redeploy takes longer than that.
const SEARCH_CATCHES_UP_MS = 5_500;

/** A store on a new, empty directory, beside the same sandbox portal: the volume was lost. */
async function newStore() {
  const store = await openSqliteStore(mkdtempSync(join(tmpdir(), 'vitals-lost-')));
  onTestFinished(() => store.close());
  return store;
}

/** A portal Vitals has worked in: its baseline, then a save task and enrolments after it. */
async function workedPortal() {
  const world = await playsWorld(60);
  await world.run();
  const quiet = await quietAccounts(world);
  expect(quiet.length).toBeGreaterThanOrEqual(3);
  const [saved, ...renewing] = quiet;
  await collapse(world.gateway, saved!);
  // 85 days ahead: inside the renewal sequence's window.
  for (const id of renewing.slice(0, 2))
    await setCompany(world.gateway, id, { renewal_date: '2027-02-09' });
  const second = await world.run(new Date(NOW.getTime() + 2 * HOUR));
  expect(second.plays.tasksCreated.some((t) => t.companyId === saved)).toBe(true);
  expect(second.plays.enrolled.length).toBeGreaterThan(0);
  return { world, saved: saved! };
}

interface PortalTaskRow {
  id: string;
  hs_task_subject: string;
  hs_task_body: string;
  hs_task_status: string;
}

function openVitalsTasks(world: PlaysWorld): PortalTaskRow[] {
  return world
    .portal<{ id: number; properties: string }>(
      `SELECT id, properties FROM objects WHERE type = 'tasks'`,
    )
    .map((r) => ({ ...(JSON.parse(r.properties) as Omit<PortalTaskRow, 'id'>), id: String(r.id) }))
    .filter(
      (t) => t.hs_task_status !== 'COMPLETED' && /Ref: vt[0-9a-f]{16}/.test(t.hs_task_body ?? ''),
    );
}

const enrolments = (world: PlaysWorld) => world.portal('SELECT id FROM enrollments').length;

/** Open Vitals tasks per account, track and copy: each must be 1, or a task was made twice. */
function tasksPerTrack(world: PlaysWorld): Map<string, number> {
  const companyOf = new Map(
    world
      .portal<{ from_id: number; to_id: number }>(
        `SELECT from_id, to_id FROM associations WHERE to_type = 'companies'`,
      )
      .map((r) => [String(r.from_id), String(r.to_id)]),
  );
  const counts = new Map<string, number>();
  for (const task of openVitalsTasks(world)) {
    const tag = /#VitalsTask (\w+)( escalation)?/.exec(task.hs_task_body)?.slice(1).join('');
    const key = `${companyOf.get(task.id)} ${tag ?? task.hs_task_subject}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('a run on a store that lost its records of the portal', () => {
  it('adopts the open tasks and enrolments, makes none again, and updates the task on a later trigger', async () => {
    const { world, saved } = await workedPortal();
    const open = openVitalsTasks(world);
    const [tasks, enrolled] = [world.taskCount(), enrolments(world)];
    await delay(SEARCH_CATCHES_UP_MS);

    const store = await newStore();
    const lost = (at: Date) => {
      world.clock.now = at;
      return runRescore({ ...world.deps(), store }, { dryRun: false });
    };
    const rebuilt = await lost(new Date(NOW.getTime() + 3 * HOUR));
    expect(rebuilt.adopted?.tasks).toBe(open.length);
    expect(rebuilt.adopted?.enrolments).toBeGreaterThan(0);
    expect(rebuilt.plays.tasksCreated).toEqual([]);
    // The tasks stay as the people working on them know them: what holds held before the loss.
    expect(rebuilt.plays.tasksUpdated).toEqual([]);
    expect(rebuilt.plays.enrolled).toEqual([]);
    expect(world.taskCount()).toBe(tasks);
    expect(enrolments(world)).toBe(enrolled);
    expect([...tasksPerTrack(world).values()].every((n) => n === 1)).toBe(true);
    // Each open task is its track's task again, under the id HubSpot gave it.
    const entries = await store.ledgerForCompany('sandbox', saved);
    const adopted = entries.find((e) => e.kind === 'task' && e.ruleId === 'save-playbook');
    expect(adopted).toMatchObject({ status: 'done' });
    expect(open.map((t) => t.id)).toContain(adopted!.hubspotId);
    expect((await store.openTracks('sandbox', [saved])).get(saved)?.save).toMatchObject({
      task: true,
    });

    // A new signal after the rebuild rewrites the adopted task instead of making a second one.
    const later = new Date(NOW.getTime() + DAY);
    await setCompany(world.gateway, saved, { competitor_mentioned_at: '2026-11-17' });
    const next = await lost(later);
    expect(next.plays.tasksCreated.filter((t) => t.companyId === saved)).toEqual([]);
    expect(next.plays.tasksUpdated.some((t) => t.companyId === saved)).toBe(true);
    // A day on, other accounts may get their first task; none gets a second.
    expect([...tasksPerTrack(world).values()].every((n) => n === 1)).toBe(true);
    expect(plainText(world.task(adopted!.hubspotId!).hs_task_body)).toMatch(/competitor/i);
  }, 60_000);

  it('recognises a task made before its last line named the track, by its marker and subject', async () => {
    const world = await playsWorld(20);
    const [companyId] = world.companyIds();
    const made = await world.gateway.createTasks([
      {
        properties: {
          hs_timestamp: '2026-11-17T17:00:00.000Z',
          hs_task_subject: 'Account is at risk: start the save playbook — Acme',
          hs_task_body: '<p>Why now: the tier fell.</p><p>Ref: vt00112233445566aa</p>',
          hs_task_priority: 'HIGH',
        },
        associations: [{ id: companyId!, typeId: 192 }],
      },
    ]);
    await delay(SEARCH_CATCHES_UP_MS);

    const store = await newStore();
    const deps = { ...world.deps(), store };
    expect(await rebuildStore({ ...deps, plays: deps.plays! })).toEqual({
      tasks: 1,
      leftAlone: 0,
    });
    const [entry] = await store.ledgerForCompany('sandbox', companyId!);
    expect(entry).toMatchObject({ status: 'done', hubspotId: made.created[0]!.id });
    expect((await store.openTracks('sandbox', [companyId!])).get(companyId!)?.save).toMatchObject({
      task: true,
      priority: 'HIGH',
    });
  }, 30_000);

  it('adopts on demand with `store rebuild`, and the next run makes nothing twice', async () => {
    const { world } = await workedPortal();
    const open = openVitalsTasks(world);
    const [tasks, enrolled] = [world.taskCount(), enrolments(world)];
    await delay(SEARCH_CATCHES_UP_MS);

    const store = await newStore();
    const deps = { ...world.deps(), store };
    const report = await rebuildStore({ ...deps, plays: deps.plays! });
    expect(report).toEqual({ tasks: open.length, leftAlone: 0 });
    // Done twice, it finds them all known.
    expect(await rebuildStore({ ...deps, plays: deps.plays! })).toEqual({
      tasks: 0,
      leftAlone: open.length,
    });
    world.clock.now = new Date(NOW.getTime() + 3 * HOUR);
    const run = await runRescore(deps, { dryRun: false });
    expect(run.plays.tasksCreated).toEqual([]);
    expect(run.plays.enrolled).toEqual([]);
    expect(run.adopted).toMatchObject({ tasks: 0 });
    expect(world.taskCount()).toBe(tasks);
    expect(enrolments(world)).toBe(enrolled);
  }, 60_000);
});
