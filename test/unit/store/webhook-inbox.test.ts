import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.ts';
import { inboxEvent } from './inbox-event.ts';
import { inboxStates as states } from './inbox-states.ts';
import { openTestStore } from './open-test-store.ts';

const NOW = '2025-03-10T12:00:00.000Z';
const MINUTE = 60_000;
const IN_5_MIN = '2025-03-10T12:05:00.000Z';

describe('receiving webhook events', () => {
  it('stores a received event, hands it out as pending, and settles it as processed', async () => {
    const { store, clock } = await openTestStore(NOW);
    const event = inboxEvent('1');
    expect(await store.receiveEvents('sandbox', [event, inboxEvent('2')])).toEqual({
      stored: 2,
      duplicates: 0,
    });
    const pending = await store.pendingEvents('sandbox', NOW, 10);
    expect(pending.map((e) => e.eventId)).toEqual(['1', '2']);
    expect(pending[0]).toEqual({
      ...event,
      portal: 'sandbox',
      state: 'received',
      attempts: 0,
      error: null,
      receivedAt: NOW,
      nextAttemptAt: null,
      updatedAt: NOW,
    });

    clock.advance(MINUTE);
    await store.settleEvents('sandbox', ['1', '2'], 'processed');
    expect(await store.pendingEvents('sandbox', IN_5_MIN, 10)).toEqual([]);
    expect((await store.listInbox('sandbox'))[0]).toMatchObject({
      state: 'processed',
      receivedAt: NOW,
      updatedAt: '2025-03-10T12:01:00.000Z',
    });
  });

  it('acknowledges a redelivery without storing it twice, even within one batch', async () => {
    const { store } = await openTestStore(NOW);
    const first = inboxEvent('1', { payload: { attempt: 1 } });
    const again = inboxEvent('1', { payload: { attempt: 2 } });
    expect(await store.receiveEvents('sandbox', [first, again])).toEqual({
      stored: 1,
      duplicates: 1,
    });
    await store.settleEvents('sandbox', ['1'], 'processed');
    expect(await store.receiveEvents('sandbox', [again, inboxEvent('2')])).toEqual({
      stored: 1,
      duplicates: 1,
    });
    const [one] = await store.listInbox('sandbox', { state: 'processed' });
    expect(one).toMatchObject({ eventId: '1', payload: { attempt: 1 } });
  });

  it('stores an ignored event for the record but never hands it out', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [inboxEvent('1', { state: 'ignored' })]);
    expect(await store.pendingEvents('sandbox', NOW, 10)).toEqual([]);
    expect(await states(store)).toEqual({ '1': 'ignored' });
  });

  it('stores all of a batch or none of it, naming the event it refused', async () => {
    const { store } = await openTestStore(NOW);
    const bad = inboxEvent('2', { occurredAt: 'yesterday' });
    await expect(store.receiveEvents('sandbox', [inboxEvent('1'), bad])).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('events[1].occurredAt'),
    });
    await expect(
      store.receiveEvents('sandbox', [{ ...inboxEvent('3'), eventId: '' }]),
    ).rejects.toThrow(/events\[0\]\.eventId/);
    expect(await store.listInbox('sandbox')).toEqual([]);
  });

  it('normalises the time an event occurred to UTC', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [
      inboxEvent('1', { occurredAt: '2025-03-10T12:59:00+01:00' }),
    ]);
    expect((await store.listInbox('sandbox'))[0]?.occurredAt).toBe('2025-03-10T11:59:00.000Z');
  });

  it('has it committed before answering: a second store on the file sees it', async () => {
    const { store, open } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [inboxEvent('1')]);
    const other = await open();
    expect((await other.pendingEvents('sandbox', NOW, 10)).map((e) => e.eventId)).toEqual(['1']);
    await store.close();
    const reopened = await open();
    expect(await reopened.inboxCounts('sandbox')).toMatchObject({ received: 1 });
  });

  // HubSpot may deliver the same events to two replicas at once, batched differently: each is
  // stored once, and neither delivery fails waiting for the other.
  it('stores each event once when two stores receive overlapping batches at once', async () => {
    const { store: a, open } = await openTestStore(NOW);
    const b = await open();
    const ids = Array.from({ length: 200 }, (_, i) => String(i + 1));
    const rounds = Array.from({ length: 10 }, (_, round) => {
      const batch = ids.slice(round * 20, round * 20 + 40).map((id) => inboxEvent(id));
      return Promise.all([
        a.receiveEvents('sandbox', batch),
        b.receiveEvents('sandbox', batch.toReversed()),
      ]);
    });
    const received = (await Promise.all(rounds)).flat();
    expect(received.reduce((sum, r) => sum + r.stored, 0)).toBe(ids.length);
    expect(await a.inboxCounts('sandbox')).toMatchObject({ received: ids.length });
  });

  it('keeps portals apart, even with the same event id', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [inboxEvent('1')]);
    expect(await store.receiveEvents('884422', [inboxEvent('1')])).toEqual({
      stored: 1,
      duplicates: 0,
    });
    await store.settleEvents('884422', ['1'], 'processed');
    expect(await states(store, 'sandbox')).toEqual({ '1': 'received' });
    expect(await states(store, '884422')).toEqual({ '1': 'processed' });
    expect(await store.inboxCounts('sandbox')).toMatchObject({ received: 1, processed: 0 });
  });
});

describe('looking into the inbox', () => {
  it('counts events in every state, zero included', async () => {
    const { store } = await openTestStore(NOW);
    expect(await store.inboxCounts('sandbox')).toEqual({
      received: 0,
      processed: 0,
      ignored: 0,
      failed: 0,
      dead: 0,
    });
    await store.receiveEvents('sandbox', [
      inboxEvent('1'),
      inboxEvent('2'),
      inboxEvent('3', { state: 'ignored' }),
    ]);
    await store.failEvents('sandbox', ['2'], 'bug', null);
    expect(await store.inboxCounts('sandbox')).toEqual({
      received: 1,
      processed: 0,
      ignored: 1,
      failed: 0,
      dead: 1,
    });
  });

  it('lists newest first, filtered by state and limited', async () => {
    const { store, clock } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [inboxEvent('1'), inboxEvent('2')]);
    clock.advance(MINUTE);
    await store.receiveEvents('sandbox', [inboxEvent('3', { state: 'ignored' }), inboxEvent('4')]);
    const ids = async (filter?: Parameters<Store['listInbox']>[1]) =>
      (await store.listInbox('sandbox', filter)).map((e) => e.eventId);
    expect(await ids()).toEqual(['4', '3', '2', '1']);
    expect(await ids({ state: 'received' })).toEqual(['4', '2', '1']);
    expect(await ids({ state: 'received', limit: 2 })).toEqual(['4', '2']);
    expect(await ids({ limit: 1 })).toEqual(['4']);
    expect(await ids({ state: 'dead' })).toEqual([]);
  });

  it('hands out pending events oldest first, up to the limit', async () => {
    const { store, clock } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [inboxEvent('2')]);
    clock.advance(MINUTE);
    await store.receiveEvents('sandbox', [inboxEvent('1'), inboxEvent('3')]);
    const pending = await store.pendingEvents('sandbox', IN_5_MIN, 2);
    expect(pending.map((e) => e.eventId)).toEqual(['2', '1']);
  });

  it('keeps the order of a batch among events received at the same instant', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents(
      'sandbox',
      ['3', '10', '1', '2'].map((id) => inboxEvent(id)),
    );
    const pending = await store.pendingEvents('sandbox', NOW, 10);
    expect(pending.map((e) => e.eventId)).toEqual(['3', '10', '1', '2']);
    const listed = await store.listInbox('sandbox');
    expect(listed.map((e) => e.eventId)).toEqual(['2', '1', '10', '3']);
  });
});
