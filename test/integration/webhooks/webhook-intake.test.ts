import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start-server.ts';
import type { Store } from '../../../src/store/store.ts';
import { hubspotEvent } from '../../unit/webhooks/hubspot-event.ts';
import {
  inbox,
  logged,
  NOW,
  PATH,
  post,
  SECRET,
  signedHeaders,
  startApp,
  useWebhookWorld,
  world,
} from './webhook-world.ts';

useWebhookWorld();

const REFUSAL = { status: 'error', message: 'The request signature is missing or invalid.' };
const MINUTE = 60_000;
const batch = JSON.stringify([
  hubspotEvent({ eventId: 1, objectId: 11 }),
  hubspotEvent({ eventId: 2, objectId: 12, subscriptionType: 'company.deletion' }),
  hubspotEvent({ eventId: '3', objectId: 13, subscriptionType: 'contact.propertyChange' }),
]);

let app: RunningServer;
beforeAll(async () => {
  app = await startApp();
});

describe('POST /webhooks/hubspot', () => {
  it('stores a signed batch of 3 as received, then answers 204 and wakes the worker', async () => {
    expect(await post(app, batch)).toEqual({ status: 204, body: null });
    const rows = await inbox();
    expect(rows.map((r) => [r.eventId, r.objectId, r.state]).sort()).toEqual([
      ['1', '11', 'received'],
      ['2', '12', 'received'],
      ['3', '13', 'received'],
    ]);
    expect(rows[0]!.occurredAt).toBe('2026-11-16T09:30:00.000Z');
    expect(world.woken).toEqual([3]);
    expect(logged()).toEqual([
      expect.objectContaining({ msg: 'request', method: 'POST', path: PATH, status: 204 }),
    ]);
  });

  it('takes the same batch again (a redelivery) without storing it twice', async () => {
    expect((await post(app, batch)).status).toBe(204);
    expect(await inbox()).toHaveLength(3);
    expect(world.woken).toEqual([0]);
  });

  it('stores an event sent in several requests at once one time, and counts it once', async () => {
    const twice = JSON.stringify([hubspotEvent({ eventId: 70 }), hubspotEvent({ eventId: 71 })]);
    const overlapping = JSON.stringify([
      hubspotEvent({ eventId: 71 }),
      hubspotEvent({ eventId: 72 }),
    ]);
    world.woken.length = 0;
    const answers = await Promise.all([
      post(app, twice),
      post(app, twice),
      post(app, overlapping),
      post(app, twice),
    ]);
    expect(answers.map((a) => a.status)).toEqual([204, 204, 204, 204]);
    const rows = (await inbox()).filter((r) => ['70', '71', '72'].includes(r.eventId));
    expect(rows.map((r) => r.eventId).sort()).toEqual(['70', '71', '72']);
    expect(world.woken.reduce((sum, n) => sum + n, 0)).toBe(3);
  });

  it('stores an event of a type Vitals does not handle as ignored', async () => {
    const body = JSON.stringify([hubspotEvent({ eventId: 50, subscriptionType: 'deal.creation' })]);
    expect((await post(app, body)).status).toBe(204);
    expect((await inbox()).find((r) => r.eventId === '50')).toMatchObject({ state: 'ignored' });
  });

  it('answers 204 to an empty array', async () => {
    expect(await post(app, '[]')).toEqual({ status: 204, body: null });
  });
});

describe('refusals', () => {
  const body = JSON.stringify([hubspotEvent({ eventId: 900 })]);
  const good = signedHeaders(body);
  const v3 = good['X-HubSpot-Signature-v3'];

  it.each([
    ['a forged signature', signedHeaders(body, { secret: 'forged' }), body, 'mismatch'],
    ['a timestamp 6 minutes old', signedHeaders(body, { at: NOW - 6 * MINUTE }), body, 'expired'],
    ['a timestamp 6 minutes ahead', signedHeaders(body, { at: NOW + 6 * MINUTE }), body, 'expired'],
    ['a tampered body', good, body.replace('"objectId":42', '"objectId":43'), 'mismatch'],
    ['no headers', {}, body, 'missing-signature'],
    ['no timestamp', { 'X-HubSpot-Signature-v3': v3 }, body, 'missing-timestamp'],
  ])('answers 401 to %s, stores nothing and logs why', async (_case, headers, sent, reason) => {
    const before = (await inbox()).length;
    expect(await post(app, sent, headers)).toEqual({ status: 401, body: REFUSAL });
    expect(await inbox()).toHaveLength(before);
    expect(logged()).toEqual([
      expect.objectContaining({ level: 40, reason, path: PATH }),
      expect.objectContaining({ msg: 'request', status: 401 }),
    ]);
    expect(world.logLines.join('\n')).not.toContain(SECRET);
    expect(world.logLines.join('\n')).not.toContain(v3);
  });

  it.each(['v1', 'v2'])('answers 401 to a %s-only signature and logs the version', async (v) => {
    const headers = { 'X-HubSpot-Signature': 'a'.repeat(64), 'X-HubSpot-Signature-Version': v };
    expect(await post(app, body, headers)).toEqual({ status: 401, body: REFUSAL });
    expect(await inbox()).not.toContainEqual(expect.objectContaining({ eventId: '900' }));
    expect(logged()).toEqual([
      expect.objectContaining({
        level: 40,
        reason: 'older-signature-version',
        signatureVersion: v,
        path: PATH,
      }),
      expect.objectContaining({ msg: 'request', status: 401 }),
    ]);
    expect(world.logLines.join('\n')).not.toContain('a'.repeat(64));
  });

  it('answers 413 to a body over 1 MB and stores nothing', async () => {
    const before = (await inbox()).length;
    const big = JSON.stringify([
      hubspotEvent({ eventId: 901, propertyValue: 'x'.repeat(1_100_000) }),
    ]);
    expect((await post(app, big)).status).toBe(413);
    expect(await inbox()).toHaveLength(before);
    expect(logged()[0]).toMatchObject({ level: 40, status: 413 });
  });

  it.each([
    ['{}', 'The body: got {}; it takes a JSON array of events'],
    ['[{"eventId": "x"}]', '[0].portalId: got nothing; it takes the portal'],
    ['['.repeat(10_000) + ']'.repeat(10_000), 'The body nests more than 32 levels deep.'],
  ])('answers 400 to %s, naming what is wrong', async (sent, problem) => {
    const answer = await post(app, sent);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      status: 'error',
      message: expect.stringContaining(problem),
    });
    expect(logged()[0]).toMatchObject({ level: 40, status: 400 });
  });
});

describe('the answer and the store', () => {
  it('stores the whole request with one call, and answers only once it resolved', async () => {
    const calls: { events: number; resolvedAt: number }[] = [];
    const slow: Store = {
      ...world.store,
      receiveEvents: async (portal, events) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const result = await world.store.receiveEvents(portal, events);
        calls.push({ events: events.length, resolvedAt: performance.now() });
        return result;
      },
    };
    const server = await startApp(slow);
    const body = JSON.stringify([700, 701, 702].map((eventId) => hubspotEvent({ eventId })));
    const answer = await post(server, body);
    const answeredAt = performance.now();
    expect(answer.status).toBe(204);
    expect(calls).toEqual([{ events: 3, resolvedAt: expect.any(Number) }]);
    expect(calls[0]!.resolvedAt).toBeLessThan(answeredAt);
  });

  it('still answers 204 when the wake-up hook throws, and logs it', async () => {
    const server = await startApp(world.store, () => {
      throw new Error('worker gone');
    });
    const body = JSON.stringify([hubspotEvent({ eventId: 710 })]);
    expect((await post(server, body)).status).toBe(204);
    expect((await inbox()).find((r) => r.eventId === '710')).toMatchObject({ state: 'received' });
    expect(logged()[0]).toMatchObject({ level: 50, error: 'worker gone' });
  });

  it('answers 503 so HubSpot retries, logs it, and never wakes the worker', async () => {
    const broken: Store = {
      ...world.store,
      receiveEvents: () => Promise.reject(new Error('SQLITE_FULL: database or disk is full')),
    };
    const down = await startApp(broken);
    const answer = await post(down, batch);
    expect(answer.status).toBe(503);
    expect(world.woken).toEqual([]);
    expect(logged()).toEqual([
      expect.objectContaining({
        level: 50,
        status: 503,
        events: 3,
        error: expect.objectContaining({ message: 'SQLITE_FULL: database or disk is full' }),
      }),
      expect.objectContaining({ msg: 'request', status: 503 }),
    ]);
  });
});
