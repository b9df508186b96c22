import { describe, expect, it } from 'vitest';
import type { PropertyChange } from '../../../src/sandbox/change-journal.ts';
import { eventIdSource, webhookEvents } from '../../../src/sandbox/webhook-events.ts';
import { normalizeSubscriptions } from '../../../src/sandbox/webhook-subscriptions.ts';

const subscriptions = normalizeSubscriptions([
  { subscriptionType: 'object.propertyChange', objectType: 'company', propertyName: 'mrr' },
  { subscriptionType: 'company.propertyChange', propertyName: 'mrr' },
  { subscriptionType: 'contact.propertyChange', propertyName: 'hs_buying_role' },
]);

const change = (overrides: Partial<PropertyChange> = {}): PropertyChange => ({
  seq: 1,
  objectType: 'companies',
  objectId: 31_000_000_001,
  name: 'mrr',
  value: '1200',
  occurredAt: 1_764_000_000_000,
  sourceType: 'CRM_UI',
  sourceId: 'userId:9001',
  ...overrides,
});

const origin = () => {
  let id = 100;
  return { portalId: 48_000_001, appId: 5_100_001, nextEventId: () => (id += 1) };
};

describe('webhookEvents', () => {
  it('makes one event per matching subscription; only object.* ones carry objectTypeId', () => {
    const [generic, legacy] = webhookEvents(change(), subscriptions, origin());
    expect(generic).toEqual({
      eventId: 101,
      subscriptionId: subscriptions[0]!.id,
      portalId: 48_000_001,
      appId: 5_100_001,
      occurredAt: 1_764_000_000_000,
      subscriptionType: 'object.propertyChange',
      attemptNumber: 0,
      objectId: 31_000_000_001,
      objectTypeId: '0-2',
      propertyName: 'mrr',
      propertyValue: '1200',
      changeSource: 'CRM_UI',
      sourceId: 'userId:9001',
    });
    expect(legacy).toMatchObject({ eventId: 102, subscriptionType: 'company.propertyChange' });
    expect(legacy).not.toHaveProperty('objectTypeId');
  });

  it("makes HubSpot's contact.propertyChange event for a subscribed contact property", () => {
    const role = change({
      objectType: 'contacts',
      objectId: 52_000_000_003,
      name: 'hs_buying_role',
      value: 'CHAMPION',
    });
    expect(webhookEvents(role, subscriptions, origin())).toEqual([
      {
        eventId: 101,
        subscriptionId: subscriptions[2]!.id,
        portalId: 48_000_001,
        appId: 5_100_001,
        occurredAt: 1_764_000_000_000,
        subscriptionType: 'contact.propertyChange',
        attemptNumber: 0,
        objectId: 52_000_000_003,
        propertyName: 'hs_buying_role',
        propertyValue: 'CHAMPION',
        changeSource: 'CRM_UI',
        sourceId: 'userId:9001',
      },
    ]);
    expect(webhookEvents({ ...role, name: 'jobtitle' }, subscriptions, origin())).toEqual([]);
  });

  it('matches on object type and property; a cleared value is sent as ""', () => {
    expect(webhookEvents(change({ name: 'domain' }), subscriptions, origin())).toEqual([]);
    expect(webhookEvents(change({ objectType: 'contacts' }), subscriptions, origin())).toEqual([]);
    const [cleared] = webhookEvents(
      change({ objectType: 'contacts', name: 'hs_buying_role', value: null }),
      subscriptions,
      origin(),
    );
    expect(cleared).toMatchObject({
      subscriptionType: 'contact.propertyChange',
      propertyValue: '',
    });
  });
});

describe('eventIdSource', () => {
  it('grows with every id, and starts above the ids an earlier run gave out', () => {
    let now = 1_764_000_000_000;
    const earlier = eventIdSource(() => now);
    const first = [earlier(), earlier(), earlier()];
    expect(first[1]).toBeGreaterThan(first[0]!);
    expect(first[2]).toBeGreaterThan(first[1]!);
    now += 1;
    const later = eventIdSource(() => now);
    expect(later()).toBeGreaterThan(first[2]!);
    expect(Number.isSafeInteger(later())).toBe(true);
  });
});
