import { describe, expect, it } from 'vitest';
import { createTaskEntries } from '../../../src/jobs/create-task-entries.ts';
import { enrollEntry } from '../../../src/jobs/enroll-entry.ts';
import { settleUnfinished } from '../../../src/jobs/settle-unfinished.ts';
import type { LedgerEntry, Store } from '../../../src/store/store.ts';
import { openTestStore } from '../store/open-test-store.ts';
import { enrollAction, taskAction } from '../store/planned-action.ts';
import { fakePlaysGateway, hubspotError, playsContext } from './plays-context.ts';

const BAD_OWNER = '999';
const MESSAGE = `${BAD_OWNER} is not a valid owner id`;

async function recordTasks(store: Store, owners: readonly string[]): Promise<LedgerEntry[]> {
  const actions = owners.map((ownerId, i) => taskAction({ companyId: String(101 + i), ownerId }));
  return (await store.recordIntents('sandbox', actions)).map((r) => r.entry);
}

const statusOf = async (store: Store, entry: LedgerEntry) =>
  (await store.ledgerForCompany('sandbox', entry.companyId)).find((e) => e.key === entry.key);

describe('creating tasks when HubSpot refuses one input of a batch', () => {
  it('halves the batch until the bad inputs stand alone: they fail with its words, the rest are made', async () => {
    const { store } = await openTestStore();
    const hubspot = fakePlaysGateway();
    // As HubSpot does: one bad input and the whole batch is refused.
    hubspot.rules.create = (inputs) =>
      inputs.some((i) => i.properties.hubspot_owner_id === BAD_OWNER)
        ? hubspotError(400, MESSAGE)
        : null;
    const owners = ['61', '62', BAD_OWNER, '63', '64', '65', BAD_OWNER];
    const entries = await recordTasks(store, owners);
    const ctx = playsContext(store, hubspot.gateway);

    await createTaskEntries(ctx, entries);

    const bad = entries.filter((e) => e.ownerId === BAD_OWNER);
    expect(ctx.tally.failed.map((f) => [f.key, f.error])).toEqual(bad.map((e) => [e.key, MESSAGE]));
    expect(ctx.tally.tasksCreated).toHaveLength(5);
    expect(hubspot.tasks.size).toBe(5);
    for (const entry of entries)
      expect((await statusOf(store, entry))?.status).toBe(
        entry.ownerId === BAD_OWNER ? 'failed' : 'done',
      );
    // 7 → 4 + 3 → 2 + 2 + 2 + 1 → single bad ones: a few calls, not one per input.
    expect(hubspot.calls.create.length).toBeLessThanOrEqual(9);
  });

  it('marks a batch uncertain on a 5xx and goes on, and a failure about the token stops the run', async () => {
    const { store } = await openTestStore();
    const hubspot = fakePlaysGateway();
    hubspot.rules.create = () => hubspotError(502, 'Bad gateway', 'INTERNAL_ERROR');
    const entries = await recordTasks(store, ['61', '62']);
    const ctx = playsContext(store, hubspot.gateway);

    await createTaskEntries(ctx, entries);

    expect(ctx.tally.uncertain.map((e) => e.key)).toEqual(entries.map((e) => e.key));
    for (const entry of entries) expect((await statusOf(store, entry))?.status).toBe('uncertain');
    expect(ctx.tally.failed).toEqual([]);

    hubspot.rules.create = () => hubspotError(401, 'Token expired', 'INVALID_AUTHENTICATION');
    const [next] = await recordTasks(store, ['63', '64', '65']);
    await expect(createTaskEntries(ctx, [next!])).rejects.toMatchObject({ status: 401 });
  });
});

describe('settling uncertain actions', () => {
  it('records a task HubSpot made despite the 5xx, and makes the missing one again, once', async () => {
    const { store } = await openTestStore();
    const hubspot = fakePlaysGateway();
    const [made, lost] = await recordTasks(store, ['61', '62']);
    const ctx = playsContext(store, hubspot.gateway);
    // The first went through before the answer was lost; the second never arrived.
    hubspot.rules.create = (inputs) => {
      if (inputs[0]!.traceId === made!.key) {
        hubspot.tasks.set('8001', inputs[0]!.properties.hs_task_body!);
      }
      return hubspotError(504, 'Gateway timeout', 'INTERNAL_ERROR');
    };
    await createTaskEntries(ctx, [made!]);
    await createTaskEntries(ctx, [lost!]);
    hubspot.rules.create = () => null;

    await settleUnfinished(ctx, await store.unfinishedActions('sandbox'));

    expect(await statusOf(store, made!)).toMatchObject({ status: 'done', hubspotId: '8001' });
    expect((await statusOf(store, lost!))?.status).toBe('done');
    expect(hubspot.tasks.size).toBe(2);
    expect(ctx.tally.tasksCreated.map((e) => e.key).sort()).toEqual([made!.key, lost!.key].sort());
  });

  it('waits until the last try is older than the search lag before it concludes "not made"', async () => {
    const { store, clock } = await openTestStore();
    const hubspot = fakePlaysGateway();
    const [entry] = await recordTasks(store, ['61']);
    const slept: number[] = [];
    const ctx = playsContext(store, hubspot.gateway, {
      settleAfterMs: 10_000,
      clock: () => new Date(clock.now().getTime() + 4_000),
      sleep: async (ms) => {
        slept.push(ms);
      },
    });

    await settleUnfinished(ctx, [entry!]);

    expect(slept).toEqual([6_000]);
    expect((await statusOf(store, entry!))?.status).toBe('done');
    slept.length = 0;
    await settleUnfinished({ ...ctx, clock: () => new Date(clock.now().getTime() + 60_000) }, [
      entry!,
    ]);
    expect(slept).toEqual([]);
  });

  it('marks an enrolment uncertain on a 5xx, then finds it enrolled or enrols it, once', async () => {
    const { store } = await openTestStore();
    const hubspot = fakePlaysGateway();
    const actions = ['9001', '9002'].map((contactId) => enrollAction({ contactId }));
    const [went, lost] = (await store.recordIntents('sandbox', actions)).map((r) => r.entry);
    const ctx = playsContext(store, hubspot.gateway);
    hubspot.rules.enroll = (request) => {
      if (request.contactId === '9001')
        hubspot.enrolled.set('9001', {
          id: 'e-early',
          sequenceId: request.sequenceId,
          enrolledAt: '2025-03-10T12:00:00.000Z',
        });
      return hubspotError(500, 'Internal error', 'INTERNAL_ERROR');
    };
    await enrollEntry(ctx, went!, 'send');
    await enrollEntry(ctx, lost!, 'send');
    expect(ctx.tally.uncertain).toHaveLength(2);
    hubspot.rules.enroll = () => null;

    await settleUnfinished(ctx, await store.unfinishedActions('sandbox'));

    expect(await statusOf(store, went!)).toMatchObject({ status: 'done', hubspotId: 'e-early' });
    expect((await statusOf(store, lost!))?.status).toBe('done');
    expect(hubspot.calls.enroll.map((r) => r.contactId)).toEqual(['9001', '9002', '9002']);
    expect(ctx.tally.enrolled.map((e) => e.key).sort()).toEqual([went!.key, lost!.key].sort());
  });

  it('on a store that adopts, enrols straight away and looks up only whom HubSpot says is enrolled', async () => {
    const { store } = await openTestStore();
    const hubspot = fakePlaysGateway();
    const actions = ['9101', '9102', '9103'].map((contactId) => enrollAction({ contactId }));
    const [fresh, ours, other] = (await store.recordIntents('sandbox', actions)).map(
      (r) => r.entry,
    );
    const sequenceId = (ours!.action as { sequenceId: string }).sequenceId;
    // What the lost store had done: 9102 in this sequence, 9103 in another one.
    hubspot.enrolled.set('9102', { id: 'e-lost', sequenceId, enrolledAt: '2025-03-01T09:00:00Z' });
    hubspot.enrolled.set('9103', {
      id: 'e-else',
      sequenceId: '555',
      enrolledAt: '2025-03-01T09:00:00Z',
    });
    hubspot.rules.enroll = (request) =>
      hubspot.enrolled.has(request.contactId)
        ? hubspotError(400, 'The contact is already enrolled in a sequence')
        : null;
    const lookups: string[] = [];
    const look = hubspot.gateway.currentEnrollment;
    const ctx = playsContext(store, {
      ...hubspot.gateway,
      currentEnrollment: async (contactId) => {
        lookups.push(contactId);
        return look(contactId);
      },
    });

    for (const entry of [fresh!, ours!, other!]) await enrollEntry(ctx, entry, 'adopt');

    expect(lookups).toEqual(['9102', '9103']);
    expect((await statusOf(store, fresh!))?.status).toBe('done');
    expect(await statusOf(store, ours!)).toMatchObject({ status: 'done', hubspotId: 'e-lost' });
    expect(await statusOf(store, other!)).toMatchObject({ status: 'skipped' });
    expect(ctx.tally.enrolled.map((e) => e.key)).toEqual([fresh!.key]);
    expect(ctx.tally.adopted.map((e) => e.key)).toEqual([ours!.key]);
  });
});
