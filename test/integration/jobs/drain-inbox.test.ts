import { describe, expect, it } from 'vitest';
import { drainInbox, DRAIN_DEFAULTS, type DrainDeps } from '../../../src/jobs/drain-inbox.ts';
import type { InboxEventInput } from '../../../src/store/store.ts';
import { collapse, HOUR, NOW, playsWorld, quietAccounts } from '../../support/plays-world.ts';

let next = 1;
/** An event as the intake stores it: a company property changed in HubSpot. */
function companyChange(companyId: string, over: Record<string, unknown> = {}): InboxEventInput {
  const eventId = String(next++);
  const payload = {
    eventId: Number(eventId),
    subscriptionType: 'object.propertyChange',
    objectTypeId: '0-2',
    objectId: Number(companyId),
    propertyName: 'product_login_pct_of_baseline',
    propertyValue: '20',
    changeSource: 'CRM_UI',
    sourceId: 'userId:7',
    appId: 4242,
    occurredAt: NOW.getTime(),
    ...over,
  };
  return {
    eventId,
    subscriptionType: payload.subscriptionType,
    objectId: companyId,
    occurredAt: NOW.toISOString(),
    state: 'received',
    payload,
  };
}

async function world() {
  const w = await playsWorld(40);
  await w.run(); // the baseline
  const later = new Date(NOW.getTime() + 2 * HOUR);
  w.clock.now = later;
  let fullRuns = 0;
  const base = w.deps();
  const deps: DrainDeps = {
    ...base,
    gateway: w.gateway,
    now: () => w.clock.now,
    runFull: async () => {
      fullRuns += 1;
      return w.run();
    },
  };
  return { ...w, drainDeps: deps, fullRuns: () => fullRuns };
}

describe('draining the webhook inbox', () => {
  it('rescores each touched company once, however many events touch it, and marks them processed', async () => {
    const w = await world();
    const [id] = await quietAccounts(w);
    await collapse(w.gateway, id!);
    const before = (await w.store.latestScores('sandbox', [id!])).get(id!)!.score;
    await w.store.receiveEvents(
      'sandbox',
      Array.from({ length: 50 }, () => companyChange(id!)),
    );
    const reads = w.gateway.apiCalls()['companies.batchRead'] ?? 0;
    const summary = await drainInbox(w.drainDeps, DRAIN_DEFAULTS);
    expect(summary).toMatchObject({ events: 50, companies: 1, processed: 50, failed: 0 });
    expect((w.gateway.apiCalls()['companies.batchRead'] ?? 0) - reads).toBe(1);
    const after = (await w.store.latestScores('sandbox', [id!])).get(id!)!.score!;
    expect(after).toBeLessThan(before!);
    expect((await w.store.inboxCounts('sandbox')).processed).toBe(50);
    // The collapse is a save trigger after the baseline: its one task is made by the drain.
    expect((await w.ledger(id!)).filter((e) => e.kind === 'task')).toHaveLength(1);
  });

  it('ignores what Vitals itself wrote, so a rescore never feeds itself', async () => {
    const w = await world();
    const [id] = await quietAccounts(w);
    await w.store.receiveEvents('sandbox', [
      companyChange(id!, { propertyName: 'health_score', propertyValue: '40' }),
      companyChange(id!, { sourceId: '4242', changeSource: 'INTEGRATION' }),
    ]);
    const summary = await drainInbox(w.drainDeps, DRAIN_DEFAULTS);
    expect(summary).toMatchObject({ ignored: 2, companies: 0 });
    expect((await w.store.inboxCounts('sandbox')).ignored).toBe(2);
  });

  it('tries failed events again later and gives up after the last attempt', async () => {
    const w = await world();
    const [id] = await quietAccounts(w);
    await w.store.receiveEvents('sandbox', [companyChange(id!)]);
    const broken: DrainDeps = {
      ...w.drainDeps,
      gateway: {
        ...w.gateway,
        readCompanies: async () => {
          throw new Error('HubSpot is down');
        },
      },
    };
    const options = { ...DRAIN_DEFAULTS, maxAttempts: 2 };
    expect(await drainInbox(broken, options)).toMatchObject({ failed: 1 });
    // Not due again before its retry time.
    expect(await drainInbox(broken, options)).toMatchObject({ events: 0 });
    w.clock.now = new Date(w.clock.now.getTime() + HOUR);
    expect(await drainInbox(broken, options)).toMatchObject({ dead: 1 });
    const [dead] = await w.store.listInbox('sandbox', { state: 'dead' });
    expect(dead).toMatchObject({ attempts: 2, error: 'HubSpot is down' });
    expect(await w.store.retryEvents('sandbox', 'dead')).toBe(1);
    expect(await drainInbox(w.drainDeps, options)).toMatchObject({ processed: 1 });
  });

  it('leaves a backlog bigger than foldIntoRunAbove to one full run', async () => {
    const w = await world();
    const ids = w.companyIds().slice(0, 5);
    await w.store.receiveEvents(
      'sandbox',
      ids.map((id) => companyChange(id)),
    );
    const summary = await drainInbox(w.drainDeps, { ...DRAIN_DEFAULTS, foldIntoRunAbove: 3 });
    expect(summary).toMatchObject({ fullRun: true, processed: 5 });
    expect(w.fullRuns()).toBe(1);
  });

  it("follows a merge: the merged company's history and ledger move to the survivor", async () => {
    const w = await world();
    const [survivor, merged] = w.companyIds();
    const before = await w.store.scoreHistory('sandbox', merged!, 400);
    expect(before.length).toBeGreaterThan(0);
    await w.store.receiveEvents('sandbox', [
      companyChange(survivor!, {
        subscriptionType: 'company.merge',
        primaryObjectId: Number(survivor),
        mergedObjectIds: [Number(merged)],
      }),
    ]);
    expect(await drainInbox(w.drainDeps, DRAIN_DEFAULTS)).toMatchObject({
      processed: 1,
      companies: 1,
    });
    expect(await w.store.scoreHistory('sandbox', merged!, 400)).toEqual([]);
    const moved = await w.store.scoreHistory('sandbox', survivor!, 400);
    expect(moved.length).toBeGreaterThan(before.length);
    expect((await w.store.companyStates('sandbox', [merged!])).size).toBe(0);
  });

  it("forgets a deleted company's card, unless a later rescore (a restore) saved it", async () => {
    const w = await world();
    const [gone, restored] = w.companyIds();
    const deletion = (id: string, at: Date) => ({
      ...companyChange(id, { subscriptionType: 'company.deletion' }),
      occurredAt: at.toISOString(),
    });
    // The baseline saved both at NOW; one was deleted after, the other before it.
    await w.store.receiveEvents('sandbox', [
      deletion(gone!, new Date(NOW.getTime() + HOUR)),
      deletion(restored!, new Date(NOW.getTime() - HOUR)),
    ]);
    expect(await drainInbox(w.drainDeps, DRAIN_DEFAULTS)).toMatchObject({ processed: 2 });
    const states = await w.store.companyStates('sandbox', [gone!, restored!]);
    expect([...states.keys()]).toEqual([restored]);
    // History stays for the reports.
    expect((await w.store.scoreHistory('sandbox', gone!, 400)).length).toBeGreaterThan(0);
  });

  it('forgets a contact deleted for privacy: its id leaves the ledger, the entries stay', async () => {
    const w = await world();
    const entries = (await Promise.all(w.companyIds().map((id) => w.ledger(id)))).flat();
    const enrolment = entries.find((e) => e.action.kind === 'enroll')!;
    const contactId = (enrolment.action as { contactId: string }).contactId;
    await w.store.receiveEvents('sandbox', [
      companyChange(contactId, { subscriptionType: 'contact.privacyDeletion' }),
    ]);
    expect(await drainInbox(w.drainDeps, DRAIN_DEFAULTS)).toMatchObject({ processed: 1 });
    const after = (await w.ledger(enrolment.companyId)).find((e) => e.key === enrolment.key)!;
    expect(after.status).toBe(enrolment.status);
    expect(JSON.stringify(after.action)).not.toContain(`"${contactId}"`);
    expect((after.action as { contactId: string }).contactId).toBe('deleted');
  });
});
