import { describe, expect, it } from 'vitest';
import { webhookSettings } from '../../../src/sandbox/webhook-settings.ts';
import { normalizeSubscriptions } from '../../../src/sandbox/webhook-subscriptions.ts';

// The `config.subscriptions` of a 2025.2 webhooks-hsmeta.json, as the file holds it.
const HSMETA_SUBSCRIPTIONS = {
  crmObjects: [
    {
      subscriptionType: 'object.propertyChange',
      objectType: 'company',
      propertyName: 'health_score',
      active: true,
    },
    { subscriptionType: 'object.creation', objectType: 'deal', active: true },
    {
      subscriptionType: 'object.propertyChange',
      objectType: 'company',
      propertyName: 'domain',
      active: false,
    },
  ],
  legacyCrmObjects: [
    { subscriptionType: 'contact.propertyChange', propertyName: 'hs_buying_role', active: true },
  ],
  hubEvents: [],
};

describe('normalizeSubscriptions', () => {
  it("takes the hsmeta file's subscriptions as they are, leaving inactive ones out", () => {
    expect(normalizeSubscriptions(HSMETA_SUBSCRIPTIONS)).toEqual([
      {
        id: expect.any(Number),
        subscriptionType: 'object.propertyChange',
        objectType: 'companies',
        generic: true,
        action: 'propertyChange',
        propertyName: 'health_score',
      },
      expect.objectContaining({ subscriptionType: 'object.creation', objectType: null }),
      {
        id: expect.any(Number),
        subscriptionType: 'contact.propertyChange',
        objectType: 'contacts',
        generic: false,
        action: 'propertyChange',
        propertyName: 'hs_buying_role',
      },
    ]);
  });

  it('numbers the subscriptions apart and the same way every time', () => {
    const ids = normalizeSubscriptions(HSMETA_SUBSCRIPTIONS).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(normalizeSubscriptions(HSMETA_SUBSCRIPTIONS).map((s) => s.id)).toEqual(ids);
  });

  it('refuses what HubSpot refuses: a propertyChange without a property, object.* without a type', () => {
    expect(() => normalizeSubscriptions([{ subscriptionType: 'company.propertyChange' }])).toThrow(
      'needs a propertyName',
    );
    expect(() =>
      normalizeSubscriptions([{ subscriptionType: 'object.propertyChange', propertyName: 'x' }]),
    ).toThrow('needs an objectType');
  });
});

describe('webhookSettings', () => {
  const base = { targetUrl: 'http://127.0.0.1:3000/webhooks/hubspot', clientSecret: 's' };

  it('fills in HubSpot-like defaults', () => {
    expect(webhookSettings({ ...base, subscriptions: [] })).toMatchObject({
      delayMs: 0,
      duplicateShare: 0,
      reorder: false,
      timeoutMs: 5000,
      maxRetries: 10,
      retryDelayScale: 1,
    });
  });

  it('names every wrong knob', () => {
    expect(() =>
      webhookSettings({ ...base, targetUrl: 'ftp://x', duplicateShare: 2, subscriptions: [] }),
    ).toThrow(/targetUrl[\s\S]*duplicateShare|duplicateShare[\s\S]*targetUrl/);
  });
});
