import { describe, expect, it } from 'vitest';
import { inboxEvent } from './inbox-event.ts';
import { inboxStates as states } from './inbox-states.ts';
import { openTestStore } from './open-test-store.ts';

const NOW = '2025-03-10T12:00:00.000Z';
const IN_5_MIN = '2025-03-10T12:05:00.000Z';

describe('failing and retrying webhook events', () => {
  it('holds a failed event back until its next attempt is due', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [inboxEvent('1'), inboxEvent('2')]);
    await store.failEvents('sandbox', ['1'], 'HubSpot answered 503', IN_5_MIN);
    expect((await store.pendingEvents('sandbox', NOW, 10)).map((e) => e.eventId)).toEqual(['2']);
    const due = await store.pendingEvents('sandbox', IN_5_MIN, 10);
    expect(due.map((e) => e.eventId)).toEqual(['1', '2']);
    expect(due[0]).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: 'HubSpot answered 503',
      nextAttemptAt: IN_5_MIN,
    });

    await store.failEvents('sandbox', ['1'], 'HubSpot answered 429', '2025-03-10T12:20:00Z');
    expect((await store.listInbox('sandbox', { state: 'failed' }))[0]).toMatchObject({
      attempts: 2,
      error: 'HubSpot answered 429',
      nextAttemptAt: '2025-03-10T12:20:00.000Z',
    });
  });

  it('gives up on an event failed with no next attempt: dead, never pending', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [inboxEvent('1')]);
    await store.failEvents('sandbox', ['1'], 'company 101 was deleted', null);
    expect(await store.pendingEvents('sandbox', '2030-01-01T00:00:00Z', 10)).toEqual([]);
    // Neither a late settlement nor a late failure touches it.
    await store.settleEvents('sandbox', ['1'], 'processed');
    await store.failEvents('sandbox', ['1'], 'again', IN_5_MIN);
    expect((await store.listInbox('sandbox'))[0]).toMatchObject({
      state: 'dead',
      attempts: 1,
      nextAttemptAt: null,
    });
  });

  it('settles a failed event, and never moves a settled one', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [inboxEvent('1'), inboxEvent('2')]);
    await store.failEvents('sandbox', ['1'], 'timeout', IN_5_MIN);
    await store.settleEvents('sandbox', ['1', '2'], 'processed');
    await store.settleEvents('sandbox', ['2', 'unknown'], 'ignored');
    await store.failEvents('sandbox', ['2'], 'late', null);
    expect(await store.listInbox('sandbox')).toEqual([
      expect.objectContaining({ eventId: '2', state: 'processed', attempts: 0 }),
      expect.objectContaining({ eventId: '1', state: 'processed', nextAttemptAt: null }),
    ]);
  });

  it('retries every dead event, keeping its attempts and last error', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [inboxEvent('1'), inboxEvent('2'), inboxEvent('3')]);
    await store.failEvents('sandbox', ['1', '2'], 'bug', null);
    await store.failEvents('sandbox', ['3'], 'timeout', IN_5_MIN);
    expect(await store.retryEvents('sandbox', 'dead')).toBe(2);
    const pending = await store.pendingEvents('sandbox', NOW, 10);
    expect(pending.map((e) => e.eventId)).toEqual(['1', '2']);
    expect(pending[0]).toMatchObject({
      state: 'received',
      attempts: 1,
      error: 'bug',
      nextAttemptAt: null,
    });
  });

  it('retries chosen failed or dead events, and only those', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents(
      'sandbox',
      ['1', '2', '3', '4'].map((id) => inboxEvent(id)),
    );
    await store.failEvents('sandbox', ['1'], 'timeout', IN_5_MIN);
    await store.failEvents('sandbox', ['2', '3'], 'bug', null);
    await store.settleEvents('sandbox', ['4'], 'processed');
    expect(await store.retryEvents('sandbox', ['1', '2', '4', 'unknown'])).toBe(2);
    expect(await states(store)).toEqual({
      '1': 'received',
      '2': 'received',
      '3': 'dead',
      '4': 'processed',
    });
  });

  it('refuses an empty error, a bad next attempt time and a limit below 1', async () => {
    const { store } = await openTestStore(NOW);
    await store.receiveEvents('sandbox', [inboxEvent('1')]);
    await expect(store.failEvents('sandbox', ['1'], ' ', null)).rejects.toThrow(/^error must/);
    await expect(store.failEvents('sandbox', ['1'], 'x', 'soon')).rejects.toThrow(
      /nextAttemptAt must be an ISO-8601 time/,
    );
    await expect(store.pendingEvents('sandbox', NOW, 0)).rejects.toThrow(/limit must/);
    expect((await store.listInbox('sandbox'))[0]).toMatchObject({ state: 'received', attempts: 0 });
  });
});
