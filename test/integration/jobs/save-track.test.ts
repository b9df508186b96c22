import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../src/store/store.ts';
import {
  HOUR,
  NOW,
  plainText,
  playsWorld,
  quietAccounts,
  setCompany,
} from '../../support/plays-world.ts';

const DAY = 24 * HOUR;
const CANCEL = 'cancellation_terms_asked_at';
const EXPORT = 'data_export_requested_at';

const ofKind = (entries: LedgerEntry[], kind: LedgerEntry['kind']) =>
  entries.filter((e) => e.kind === kind);

describe("an account's save track against the sandbox portal", () => {
  it('makes one task, rewrites and reopens it on a second trigger, and completes it on recovery', async () => {
    const world = await playsWorld(40);
    const { gateway, ledger, task, store } = world;
    await world.run(); // the baseline
    const id = (await quietAccounts(world))[0]!;
    expect(await ledger(id)).toEqual([]);

    // Run 2, Monday noon: they ask how to cancel.
    const monday = new Date(NOW.getTime() + 2 * HOUR);
    await setCompany(gateway, id, { [CANCEL]: monday.toISOString() });
    const second = await world.run(monday);
    const [created, ...others] = ofKind(await ledger(id), 'task');
    expect(others).toEqual([]);
    expect(created).toMatchObject({
      key: expect.stringMatching(
        new RegExp(`^${id}:save-playbook:2026-11-16T\\d\\d:\\d\\d:\\d\\d$`),
      ),
      ruleId: 'save-playbook',
      status: 'done',
    });
    expect(second.plays.tasksCreated.filter((t) => t.companyId === id)).toHaveLength(1);
    expect(world.tasksWithMarker(created!.marker)).toBe(1);
    const taskId = created!.hubspotId!;
    expect(task(taskId)).toMatchObject({
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: 'HIGH',
      // Same day: by the end of Monday's workday (18:00 UTC).
      hs_timestamp: '2026-11-16T18:00:00.000Z',
    });
    expect(plainText(task(taskId).hs_task_body)).toContain('they asked about cancellation terms');
    // The rep calls and ticks the task off.
    await gateway.updateTasks([{ id: taskId, properties: { hs_task_status: 'COMPLETED' } }]);

    // Run 3, Tuesday morning: they ask to export their data.
    const tuesday = new Date(NOW.getTime() + DAY);
    await setCompany(gateway, id, { [EXPORT]: tuesday.toISOString() });
    const tasksBefore = world.taskCount();
    const third = await world.run(tuesday);
    expect(third.plays.tasksCreated.filter((t) => t.companyId === id)).toEqual([]);
    expect(ofKind(await ledger(id), 'task').map((e) => e.key)).toEqual([created!.key]);
    const [update, ...moreUpdates] = ofKind(await ledger(id), 'task-update');
    expect(moreUpdates).toEqual([]);
    expect(update!.key).toMatch(new RegExp(`^${created!.key}:update:data-export-request:`));
    expect(update).toMatchObject({ status: 'done', hubspotId: taskId });
    expect(third.plays.tasksUpdated.map((t) => t.key)).toContain(update!.key);
    expect(world.taskCount()).toBe(tasksBefore + third.plays.tasksCreated.length);
    const rewritten = task(taskId);
    expect(rewritten).toMatchObject({
      hs_task_status: 'NOT_STARTED',
      hs_task_subject: expect.stringMatching(/^They asked to export their data: call today — /),
      hs_timestamp: '2026-11-17T18:00:00.000Z',
    });
    const body = plainText(rewritten.hs_task_body);
    expect(body).toContain('they asked about cancellation terms');
    expect(body).toContain('they asked to export their data');
    expect(body).toContain(`Ref: ${created!.marker}`);

    // Run 4, Wednesday: both reports are withdrawn and nothing else holds: the episode ends.
    await setCompany(gateway, id, { [CANCEL]: '', [EXPORT]: '' });
    const fourth = await world.run(new Date(NOW.getTime() + 2 * DAY));
    const close = (await ledger(id)).find((e) => e.key === `${created!.key}:close`);
    expect(close).toMatchObject({ kind: 'task-update', status: 'done', hubspotId: taskId });
    expect(fourth.plays.tasksCompleted.map((t) => t.key)).toEqual([close!.key]);
    const closed = task(taskId);
    expect(closed.hs_task_status).toBe('COMPLETED');
    expect(plainText(closed.hs_task_body)).toMatch(
      /^Closed by Vitals on 2026-11-18: no churn signal holds any more and the account is not at risk \(score \d+, healthy\)\./,
    );
    expect((await store.openTracks('sandbox', [id])).get(id)).toEqual({});

    // Run 5: a closed episode stays closed.
    const entries = (await ledger(id)).length;
    const fifth = await world.run(new Date(NOW.getTime() + 3 * DAY));
    expect((await ledger(id)).length).toBe(entries);
    expect(fifth.plays.tasksCompleted).toEqual([]);
  }, 60_000);
});
