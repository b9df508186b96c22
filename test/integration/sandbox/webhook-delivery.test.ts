import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../../src/hubspot/create-gateway.ts';
import { SANDBOX_DEFAULTS } from '../../../src/sandbox/sandbox-defaults.ts';
import type { SandboxWebhookOptions } from '../../../src/sandbox/start-sandbox.ts';
import { listAll, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';
import { SECRET, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

const SUBSCRIPTIONS = {
  crmObjects: [
    { subscriptionType: 'object.propertyChange', objectType: 'company', propertyName: 'domain' },
    { subscriptionType: 'object.propertyChange', objectType: 'company', propertyName: 'name' },
    {
      subscriptionType: 'object.propertyChange',
      objectType: 'company',
      propertyName: 'lifecyclestage',
      active: false,
    },
  ],
  legacyCrmObjects: [
    { subscriptionType: 'contact.propertyChange', propertyName: 'hs_buying_role' },
  ],
  hubEvents: [],
};

let t: TestSandbox | undefined;
let receiver: WebhookReceiver | undefined;

afterEach(async () => {
  await t?.close();
  await receiver?.close();
  t = receiver = undefined;
});

async function setUp(companies: number, webhooks: Partial<SandboxWebhookOptions> = {}) {
  receiver = await startWebhookReceiver();
  t = await startTestSandbox({
    companies,
    webhooks: {
      targetUrl: receiver.url,
      clientSecret: SECRET,
      subscriptions: SUBSCRIPTIONS,
      gatherMs: 20,
      ...webhooks,
    },
  });
  const gateway = createGateway({
    accessToken: t.sandbox.token,
    basePath: t.sandbox.url,
    per10s: 190,
  });
  const ids = (await listAll(t, 'companies')).map((company) => String(company.id));
  return { sandbox: t.sandbox, receiver, gateway, ids };
}

describe('sandbox webhook delivery', () => {
  it('sends one signed event, in HubSpot shape, for a subscribed company property the app writes', async () => {
    const { sandbox, receiver, gateway, ids } = await setUp(5);
    const before = Date.now();
    await gateway.updateCompanies([{ id: ids[0]!, properties: { domain: 'renamed.example' } }]);
    await sandbox.webhooks!.flush();

    expect(receiver.deliveries).toHaveLength(1);
    const [delivery] = receiver.deliveries;
    expect(delivery!.signedLikeHubSpot).toBe(true);
    expect(delivery!.appAccepts).toBe(true);
    expect(delivery!.events).toEqual([
      {
        eventId: expect.any(Number),
        subscriptionId: expect.any(Number),
        portalId: SANDBOX_DEFAULTS.hubId,
        appId: SANDBOX_DEFAULTS.appId,
        occurredAt: expect.any(Number),
        subscriptionType: 'object.propertyChange',
        attemptNumber: 0,
        objectId: Number(ids[0]),
        objectTypeId: '0-2',
        propertyName: 'domain',
        propertyValue: 'renamed.example',
        changeSource: 'INTEGRATION',
        sourceId: String(SANDBOX_DEFAULTS.appId),
      },
    ]);
    expect(delivery!.events[0].occurredAt).toBeGreaterThanOrEqual(before - 1000);
    expect(delivery!.events[0].occurredAt).toBeLessThanOrEqual(Date.now());
  });

  it('sends nothing for an unsubscribed, an inactive or an unchanged property', async () => {
    const { sandbox, receiver, gateway, ids } = await setUp(5);
    const [company] = await gateway.readCompanies([ids[1]!], ['domain']);
    const written = await gateway.updateCompanies([
      { id: ids[1]!, properties: { lifecyclestage: 'evangelist', mrr: '1234' } },
    ]);
    expect(written).toEqual({ updated: [ids[1]], errors: [] });
    await gateway.updateCompanies([
      { id: ids[1]!, properties: { domain: company!.properties.domain ?? '' } },
    ]);
    await sandbox.webhooks!.flush();
    expect(receiver.deliveries).toEqual([]);
  });

  it('cuts 250 changes into requests of at most 100 events, each event once', async () => {
    const { sandbox, receiver, gateway, ids } = await setUp(125);
    await gateway.updateCompanies(
      ids.map((id) => ({ id, properties: { domain: `${id}.example`, name: `Company ${id}` } })),
    );
    await sandbox.webhooks!.flush();

    expect(receiver.deliveries.length).toBeGreaterThanOrEqual(3);
    for (const delivery of receiver.deliveries) {
      expect(delivery.events.length).toBeLessThanOrEqual(100);
      expect(delivery.signedLikeHubSpot).toBe(true);
    }
    const eventIds = receiver.events().map((event) => event.eventId);
    expect(eventIds).toHaveLength(250);
    expect(new Set(eventIds).size).toBe(250);
    // Without the reorder knob, a request lists its events in the order they happened.
    for (const delivery of receiver.deliveries) {
      const own = delivery.events.map((event) => event.eventId);
      expect(own).toEqual([...own].sort((a, b) => a - b));
    }
  });

  it('signs the public targetUrl when deliverTo sends the requests to the server behind it', async () => {
    const publicOrigin = 'https://vitals.example.com';
    receiver = await startWebhookReceiver([], 0, publicOrigin);
    const local = new URL(receiver.url);
    t = await startTestSandbox({
      companies: 3,
      webhooks: {
        targetUrl: publicOrigin + local.pathname + local.search,
        deliverTo: receiver.url,
        clientSecret: SECRET,
        subscriptions: SUBSCRIPTIONS,
      },
    });
    const [company] = await listAll(t, 'companies');
    await t.post('/crm/v3/objects/companies/batch/update', {
      inputs: [{ id: company.id, properties: { name: 'Behind a proxy' } }],
    });
    await t.sandbox.webhooks!.flush();
    expect(receiver.deliveries).toHaveLength(1);
    expect(receiver.deliveries[0]).toMatchObject({ signedLikeHubSpot: true, appAccepts: true });
  });

  it('gives each later event a larger eventId, also after a restart', async () => {
    const { sandbox, receiver, gateway, ids } = await setUp(3);
    await gateway.updateCompanies([{ id: ids[0]!, properties: { domain: 'one.example' } }]);
    await sandbox.webhooks!.flush();
    await gateway.updateCompanies([{ id: ids[0]!, properties: { domain: 'two.example' } }]);
    await sandbox.webhooks!.flush();
    const [first, second] = receiver.events().map((event) => event.eventId);
    expect(second).toBeGreaterThan(first);

    await t!.close(true);
    t = await startTestSandbox({
      dataDir: t!.dataDir,
      webhooks: { targetUrl: receiver.url, clientSecret: SECRET, subscriptions: SUBSCRIPTIONS },
    });
    await t.post('/crm/v3/objects/companies/batch/update', {
      inputs: [{ id: ids[0], properties: { domain: 'three.example' } }],
    });
    await t.sandbox.webhooks!.flush();
    const third = receiver.events()[2];
    expect(third.propertyValue).toBe('three.example');
    expect(third.eventId).toBeGreaterThan(second);
  });

  it('never holds up the API call that made the change', async () => {
    const { gateway, ids, receiver } = await setUp(3, { delayMs: 400, gatherMs: 10 });
    const started = Date.now();
    await gateway.updateCompanies([{ id: ids[0]!, properties: { domain: 'quick.example' } }]);
    expect(Date.now() - started).toBeLessThan(300);
    await t!.sandbox.webhooks!.idle();
    expect(receiver.deliveries).toHaveLength(1);
    expect(receiver.deliveries[0]!.receivedAt - started).toBeGreaterThanOrEqual(390);
  });
});
