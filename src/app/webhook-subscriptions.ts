import type { Config } from '../config/config.ts';
import { WRITTEN_PROPERTIES } from '../jobs/health-properties.ts';
import { RECOMMENDED_PLAYS_PROPERTY } from '../plays/recommended-plays.ts';
import { playCompanyProperties } from '../signals/play-facts.ts';
import { requiredProperties } from '../signals/required-properties.ts';

/** What the subscriptions depend on: the signal mapping and where the plays read their facts. */
export type WebhookConfig = Pick<
  Config,
  'model' | 'segments' | 'signals' | 'mrrProperty' | 'playsMapping'
>;

/** One entry of webhooks-hsmeta.json → config.subscriptions, in HubSpot's key order. */
export interface Subscription {
  subscriptionType: string;
  objectType?: string;
  propertyName?: string;
  active: boolean;
}

export interface WebhookSubscriptions {
  /** Generic `object.*` types, with objectType. */
  crmObjects: Subscription[];
  /** Classic `company.*` / `contact.*` types. */
  legacyCrmObjects: Subscription[];
  /** Types with no generic form, such as contact.privacyDeletion. */
  hubEvents: Subscription[];
}

/** Contact properties every account's plays read, whatever the mapping (src/signals/play-facts.ts). */
const PLAY_CONTACT_PROPERTIES = [
  'hs_buying_role',
  'hs_feedback_last_nps_rating',
  'hs_feedback_last_survey_date',
];

// The intake handles company lifecycle events only in their classic form, and maps an
// association change to its company from the company side (webhooks/handled-subscriptions.ts,
// src/jobs/inbox-event-companies.ts).
const COMPANY_EVENTS = [
  'company.associationChange',
  'company.deletion',
  'company.merge',
  'company.restore',
];

/** Vitals' own writes: subscribing to them would make every rescore trigger the next. */
const WRITTEN = new Set<string>([...WRITTEN_PROPERTIES, RECOMMENDED_PLAYS_PROPERTY]);

/**
 * The webhook subscriptions that keep every company's health live with this config: a change
 * to any property a rescore reads, a contact joining or leaving, and the company's deletion,
 * merge and restore. Sorted, so the generated file is stable.
 */
export function webhookSubscriptions(config: WebhookConfig): WebhookSubscriptions {
  const read = requiredProperties(config);
  const company = new Set(read.company);
  if (config.playsMapping.enabled)
    playCompanyProperties(config.playsMapping).forEach((p) => company.add(p));
  const contact = new Set([...read.contact, ...PLAY_CONTACT_PROPERTIES]);
  const watched = (names: Set<string>) => [...names].filter((name) => !WRITTEN.has(name)).sort();
  return {
    crmObjects: watched(company).map((propertyName) => ({
      subscriptionType: 'object.propertyChange',
      objectType: 'company',
      propertyName,
      active: true,
    })),
    legacyCrmObjects: [
      ...COMPANY_EVENTS.map((subscriptionType) => ({ subscriptionType, active: true })),
      ...watched(contact).map((propertyName) => ({
        subscriptionType: 'contact.propertyChange',
        propertyName,
        active: true,
      })),
    ],
    hubEvents: [{ subscriptionType: 'contact.privacyDeletion', active: true }],
  };
}

/** What tells two subscriptions apart: type, object type and property. */
export function subscriptionKey(subscription: Subscription): string {
  return [subscription.subscriptionType, subscription.objectType, subscription.propertyName]
    .filter((part) => part !== undefined)
    .join(' ');
}

/** The keys of the subscriptions that are on, in file order. */
export function activeSubscriptionKeys(subscriptions: Partial<WebhookSubscriptions>): string[] {
  const all = [
    ...(subscriptions.crmObjects ?? []),
    ...(subscriptions.legacyCrmObjects ?? []),
    ...(subscriptions.hubEvents ?? []),
  ];
  return all.filter((s) => s.active).map(subscriptionKey);
}
