import { describe, expect, it } from 'vitest';
import { inboxEvent } from './inbox-event.ts';
import { openTestStore } from './open-test-store.ts';

const NOW = '2025-03-10T12:00:00.000Z';
const IN_1_MIN = '2025-03-10T12:01:00.000Z';
const IN_5_MIN = '2025-03-10T12:05:00.000Z';
const IN_6_MIN = '2025-03-10T12:06:00.000Z';

const ids = (events: readonly { eventId: string }[]) => events.map((e) => e.eventId);

describe('claiming due events for one drainer', () => {
  it('gives each due event to one claimer until it is settled, failed or its claim lapses', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents(
      'sandbox',
      ['1', '2', '3', '4'].map((id) => inboxEvent(id)),
    );
    const a = await store.pendingEvents('sandbox', NOW, 2, { holder: 'A', until: IN_5_MIN });
    expect(ids(a)).toEqual(['1', '2']);
    const b = await store.pendingEvents('sandbox', IN_1_MIN, 10, { holder: 'B', until: IN_6_MIN });
    expect(ids(b)).toEqual(['3', '4']);
    // Nothing left for a third, while the claims hold.
    expect(
      await store.pendingEvents('sandbox', IN_1_MIN, 10, { holder: 'C', until: IN_6_MIN }),
    ).toEqual([]);
    // A read without a claim still sees every due event (what `vitals inbox` shows).
    expect(ids(await store.pendingEvents('sandbox', IN_1_MIN, 10))).toEqual(['1', '2', '3', '4']);

    await store.settleEvents('sandbox', ['3'], 'processed');
    await store.failEvents('sandbox', ['4'], 'HubSpot said 502', IN_1_MIN);
    // A died before settling 1 and 2: at 12:05 its claims lapse and C takes them; 4's retry is
    // due and its claim ended with the failure.
    const c = await store.pendingEvents('sandbox', IN_5_MIN, 10, { holder: 'C', until: IN_6_MIN });
    expect(ids(c)).toEqual(['1', '2', '4']);
  });

  it('lets a retried dead event be claimed again at once', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [inboxEvent('1')]);
    await store.pendingEvents('sandbox', NOW, 10, { holder: 'A', until: IN_5_MIN });
    await store.failEvents('sandbox', ['1'], 'gave up', null);
    expect(await store.retryEvents('sandbox', ['1'])).toBe(1);
    const again = await store.pendingEvents('sandbox', NOW, 10, { holder: 'B', until: IN_5_MIN });
    expect(ids(again)).toEqual(['1']);
  });

  it('names who holds live claims, and frees all of one holder’s claims on request', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents(
      'sandbox',
      ['1', '2', '3'].map((id) => inboxEvent(id)),
    );
    await store.pendingEvents('sandbox', NOW, 2, { holder: 'A', until: IN_5_MIN });
    await store.pendingEvents('sandbox', NOW, 1, { holder: 'B', until: IN_1_MIN });
    expect((await store.inboxClaimHolders('sandbox', NOW)).sort()).toEqual(['A', 'B']);
    // B's claim has lapsed by 12:01: it is nobody's any more.
    expect(await store.inboxClaimHolders('sandbox', IN_1_MIN)).toEqual(['A']);
    expect(await store.releaseInboxClaims('sandbox', 'A')).toBe(2);
    expect(await store.inboxClaimHolders('sandbox', NOW)).toEqual(['B']);
    const c = await store.pendingEvents('sandbox', NOW, 10, { holder: 'C', until: IN_5_MIN });
    expect(ids(c)).toEqual(['1', '2']);
  });

  it('never gives one event to two processes claiming at the same moment', async () => {
    const { store, open } = await openTestStore(NOW);
    const events = Array.from({ length: 200 }, (_, i) => inboxEvent(String(1000 + i)));
    await store.receiveEvents('sandbox', events);
    const others = [await open(), await open()];
    const drainers = [store, ...others];
    const taken: string[][] = drainers.map(() => []);
    // Each drainer claims 10 at a time until nothing is left for it.
    await Promise.all(
      drainers.map(async (s, i) => {
        for (;;) {
          const batch = await s.pendingEvents('sandbox', NOW, 10, {
            holder: `drainer-${i}`,
            until: IN_5_MIN,
          });
          if (batch.length === 0) return;
          taken[i]!.push(...ids(batch));
        }
      }),
    );
    const all = taken.flat();
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
  });
});
