import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxWebhookOptions } from '../../../src/sandbox/start-sandbox.ts';
import { listAll, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';
import {
  SECRET,
  startWebhookReceiver,
  type Answer,
  type WebhookReceiver,
} from './webhook-receiver.ts';

const SUBSCRIPTIONS = [
  { subscriptionType: 'object.propertyChange', objectType: 'company', propertyName: 'domain' },
];

let t: TestSandbox | undefined;
let receiver: WebhookReceiver | undefined;

afterEach(async () => {
  await t?.close();
  await receiver?.close();
  t = receiver = undefined;
});

/** A sandbox whose webhooks go to a receiver answering `script`, retry waits cut to ms. */
async function setUp(script: Answer[], webhooks: Partial<SandboxWebhookOptions> = {}) {
  receiver = await startWebhookReceiver(script, 300);
  t = await startTestSandbox({
    companies: 40,
    webhooks: {
      targetUrl: receiver.url,
      clientSecret: SECRET,
      subscriptions: SUBSCRIPTIONS,
      gatherMs: 20,
      retryDelayScale: 1e-5,
      ...webhooks,
    },
  });
  const ids = (await listAll(t, 'companies')).map((company) => String(company.id));
  const change = async (count: number) => {
    const inputs = ids.slice(0, count).map((id) => ({ id, properties: { domain: `${id}.test` } }));
    expect((await t!.post('/crm/v3/objects/companies/batch/update', { inputs })).status).toBe(200);
    await t!.sandbox.webhooks!.flush();
  };
  return { receiver, change };
}

const attempts = (receiver: WebhookReceiver) =>
  receiver.deliveries.map((delivery) => delivery.events.map((event) => event.attemptNumber));
const eventIds = (events: { eventId: number }[]) => events.map((event) => event.eventId);

describe('sandbox webhook retries', () => {
  it('resends the same events after two 500s, counting attemptNumber 0, 1, 2', async () => {
    const { receiver, change } = await setUp([500, 500, 204]);
    await change(3);
    expect(attempts(receiver)).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [2, 2, 2],
    ]);
    const [first, ...rest] = receiver.deliveries.map((delivery) => eventIds(delivery.events));
    for (const ids of rest) expect(ids).toEqual(first);
    expect(receiver.deliveries.every((delivery) => delivery.signedLikeHubSpot)).toBe(true);
  });

  it('resends after a 429, a timeout and a dropped connection', async () => {
    const { receiver, change } = await setUp([429, 'hang', 'drop', 204], { timeoutMs: 100 });
    await change(1);
    expect(attempts(receiver)).toEqual([[0], [1], [2], [3]]);
  });

  it('does not resend after a 400', async () => {
    const { receiver, change } = await setUp([400]);
    await change(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(attempts(receiver)).toEqual([[0, 0]]);
  });

  it('gives up after maxRetries resends', async () => {
    const { receiver, change } = await setUp([503, 503, 503, 503, 503], { maxRetries: 2 });
    await change(1);
    expect(attempts(receiver)).toEqual([[0], [1], [2]]);
  });
});

describe('sandbox webhook knobs', () => {
  it('duplicateShare sends some events a second time, with the same eventId and content', async () => {
    const { receiver, change } = await setUp([], { duplicateShare: 0.5, seed: 7 });
    await change(40);
    const events = receiver.events();
    const byId = new Map<number, typeof events>();
    for (const event of events)
      byId.set(event.eventId, [...(byId.get(event.eventId) ?? []), event]);
    expect(byId.size).toBe(40);
    const twice = [...byId.values()].filter((copies) => copies.length === 2);
    expect(twice.length).toBeGreaterThan(5);
    expect(twice.length).toBeLessThan(35);
    expect([...byId.values()].every((copies) => copies.length <= 2)).toBe(true);
    for (const [copy, original] of twice) expect(copy).toEqual(original);
    // The copies come in a later request than the originals.
    expect(receiver.deliveries.length).toBeGreaterThanOrEqual(2);
  });

  it('reorder shuffles the events of a gather; the same seed gives the same order', async () => {
    const orders: number[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const { receiver, change } = await setUp([], { reorder: true, seed: 3 });
      await change(40);
      const events = receiver.events();
      expect(events).toHaveLength(40);
      const ids = eventIds(events);
      expect(ids).not.toEqual([...ids].sort((a, b) => a - b));
      orders.push(events.map((event) => event.objectId));
      await t!.close();
      await receiver.close();
      t = undefined;
    }
    expect(orders[1]).toEqual(orders[0]);
  });
});
