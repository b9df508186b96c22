import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLACEHOLDER_URL } from '../../../src/app/project-files.ts';
import {
  activeSubscriptionKeys,
  webhookSubscriptions,
  type Subscription,
} from '../../../src/app/webhook-subscriptions.ts';
import { webhooksComponent } from '../../../src/app/webhooks-component.ts';
import { WRITTEN_PROPERTIES } from '../../../src/jobs/health-properties.ts';
import { eventWork } from '../../../src/jobs/inbox-event-companies.ts';
import { playCompanyProperties } from '../../../src/signals/play-facts.ts';
import { requiredProperties } from '../../../src/signals/required-properties.ts';
import type { InboxEvent } from '../../../src/store/store.ts';
import { isHandledEvent } from '../../../webhooks/handled-subscriptions.ts';
import { configOf, removeCopies, ROOT } from './project-copy.ts';

afterAll(removeCopies);

const all = (config = configOf()) => {
  const subscriptions = webhookSubscriptions(config);
  return [
    ...subscriptions.crmObjects,
    ...subscriptions.legacyCrmObjects,
    ...subscriptions.hubEvents,
  ];
};
const companyProperties = (subs: Subscription[]) =>
  subs.filter((s) => s.objectType === 'company').map((s) => s.propertyName);
const contactProperties = (subs: Subscription[]) =>
  subs.filter((s) => s.subscriptionType === 'contact.propertyChange').map((s) => s.propertyName);

/** The event HubSpot would deliver for a subscription, as the inbox stores it. */
function eventFor(s: Subscription): InboxEvent {
  const payload = {
    subscriptionType: s.subscriptionType,
    objectId: 101,
    fromObjectId: 101,
    toObjectId: 202,
    appId: 1,
    sourceId: 'userId:7',
    ...(s.objectType === 'company' && { objectTypeId: '0-2' }),
    ...(s.propertyName && { propertyName: s.propertyName, propertyValue: 'x' }),
  };
  // Only what eventWork reads: the rest of the row is the store's business.
  return {
    eventId: '1',
    subscriptionType: s.subscriptionType,
    objectId: '101',
    payload,
  } as InboxEvent;
}

describe('webhookSubscriptions', () => {
  it('subscribes to every company property a run reads with the default config', () => {
    const config = configOf();
    const read = new Set([
      ...requiredProperties(config).company,
      ...playCompanyProperties(config.playsMapping),
    ]);
    expect(companyProperties(all(config)).sort()).toEqual([...read].sort());
    expect(read).toContain('renewal_date');
    expect(read).toContain('customer_status');
    for (const name of requiredProperties(config).contact)
      expect(contactProperties(all(config))).toContain(name);
  });

  it('watches the contacts: buying role, NPS and its date, the champion having left', () => {
    expect(contactProperties(all())).toEqual([
      'hs_buying_role',
      'hs_feedback_last_nps_rating',
      'hs_feedback_last_survey_date',
      'left_company',
    ]);
  });

  it('watches associations, deletion, merge and restore, and privacy deletions', () => {
    const types = all().map((s) => s.subscriptionType);
    for (const type of [
      'company.associationChange',
      'company.deletion',
      'company.merge',
      'company.restore',
      'contact.privacyDeletion',
    ])
      expect(types).toContain(type);
  });

  it('only generates subscriptions the intake handles and the worker acts on', () => {
    for (const s of all()) {
      expect(isHandledEvent(eventFor(s).payload as never), s.subscriptionType).toBe(true);
      expect(eventWork(eventFor(s)).kind, JSON.stringify(s)).not.toBe('ignore');
    }
  });

  it('adds the properties of a custom mapping, and of the plays', () => {
    const config = configOf(`
signals:
  login_frequency_pct: { from: company, property: weekly_logins_pct }
  champion_status: { from: champion, role: CHAMPION, leftProperty: has_left }
  nps_last: { from: latestContactNumber, property: my_nps, dateProperty: my_nps_at }
plays:
  renewalDateProperty: contract_end
  customerSinceProperty: customer_since
`);
    const subs = all(config);
    expect(companyProperties(subs)).toEqual(
      expect.arrayContaining(['weekly_logins_pct', 'contract_end', 'customer_since']),
    );
    expect(companyProperties(subs)).not.toContain('product_login_pct_of_baseline');
    expect(contactProperties(subs)).toEqual(
      expect.arrayContaining(['has_left', 'my_nps', 'my_nps_at', 'hs_buying_role']),
    );
  });

  it('leaves out the plays properties when plays are off', () => {
    const companies = companyProperties(all(configOf('plays: { enabled: false }\n')));
    expect(companies).not.toContain('renewal_date');
    expect(companies).toContain('product_usage_depth');
  });

  it('never subscribes to a property Vitals writes, even when the mapping reads one', () => {
    const config = configOf();
    const mapped = {
      ...config,
      mrrProperty: 'health_score',
      signals: {
        ...config.signals,
        usage_depth: { from: 'company', property: 'health_recommended_plays' },
      },
    } as typeof config;
    const watched = all(mapped).map((s) => s.propertyName);
    for (const name of [...WRITTEN_PROPERTIES, 'health_recommended_plays'])
      expect(watched).not.toContain(name);
  });

  it('is sorted and without duplicates, so the file stays stable', () => {
    const keys = activeSubscriptionKeys(webhookSubscriptions(configOf()));
    expect(new Set(keys).size).toBe(keys.length);
    expect(companyProperties(all())).toEqual([...companyProperties(all())].sort());
  });
});

describe('the checked-in webhooks-hsmeta.json', () => {
  it('is what the default config generates, sent to the placeholder URL', () => {
    const file = path.join(ROOT, 'extensions/app/webhooks/webhooks-hsmeta.json');
    const expected = webhooksComponent(webhookSubscriptions(configOf()), PLACEHOLDER_URL);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(expected.config.settings.targetUrl).toBe('https://vitals.example.com/webhooks/hubspot');
  });
});
