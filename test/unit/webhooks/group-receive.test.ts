import { describe, expect, it } from 'vitest';
import type { InboxEventInput } from '../../../src/store/store.ts';
import { groupReceive } from '../../../webhooks/group-receive.ts';

function event(eventId: string): InboxEventInput {
  return {
    eventId,
    subscriptionType: 'company.propertyChange',
    objectId: '1',
    occurredAt: '2026-11-16T09:30:00.000Z',
    state: 'received',
    payload: {},
  };
}

/** A store that records each write and refuses any event whose id starts with "bad". */
function recordingStore() {
  const writes: { portal: string; ids: string[] }[] = [];
  const stored = new Set<string>();
  const receive = async (portal: string, events: readonly InboxEventInput[]) => {
    await Promise.resolve();
    const ids = events.map((e) => e.eventId);
    writes.push({ portal, ids });
    if (ids.some((id) => id.startsWith('bad'))) throw new Error('refused');
    let count = 0;
    for (const id of ids)
      if (!stored.has(`${portal}/${id}`) && stored.add(`${portal}/${id}`)) count++;
    return { stored: count };
  };
  return { writes, receive };
}

describe('groupReceive', () => {
  it('commits the deliveries of one turn of the event loop in one write', async () => {
    const store = recordingStore();
    const receive = groupReceive(store.receive);
    const results = await Promise.all([
      receive('62515', [event('1'), event('2')]),
      receive('62515', [event('3')]),
      receive('62515', [event('2')]),
    ]);
    expect(store.writes).toEqual([{ portal: '62515', ids: ['1', '2', '3', '2'] }]);
    // Three new events in all, counted once so the worker is woken once for them.
    expect(results).toEqual([{ stored: 3 }, { stored: 0 }, { stored: 0 }]);
  });

  it('answers no request before the write that holds its events has finished', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const receive = groupReceive(async (_portal, events) => {
      await gate;
      return { stored: events.length };
    });
    let answered = false;
    const pending = receive('62515', [event('1')]).then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    release();
    await pending;
    expect(answered).toBe(true);
  });

  it('writes later turns and other portals separately', async () => {
    const store = recordingStore();
    const receive = groupReceive(store.receive);
    await Promise.all([receive('62515', [event('1')]), receive('99', [event('1')])]);
    await receive('62515', [event('2')]);
    expect(store.writes).toEqual([
      { portal: '62515', ids: ['1'] },
      { portal: '99', ids: ['1'] },
      { portal: '62515', ids: ['2'] },
    ]);
  });

  it('retries a refused group request by request, so only the bad delivery fails', async () => {
    const store = recordingStore();
    const receive = groupReceive(store.receive);
    const results = await Promise.allSettled([
      receive('62515', [event('1')]),
      receive('62515', [event('bad-2')]),
      receive('62515', [event('3')]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.writes.map((w) => w.ids)).toEqual([['1', 'bad-2', '3'], ['1'], ['bad-2'], ['3']]);
  });
});
