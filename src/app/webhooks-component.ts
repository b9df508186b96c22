import { WEBHOOK_PATH } from './project-files.ts';
import type { WebhooksFile } from './read-project.ts';
import {
  subscriptionKey,
  type Subscription,
  type WebhookSubscriptions,
} from './webhook-subscriptions.ts';

export const WEBHOOKS_UID = 'vitals_webhooks';

/** HubSpot's documented example value; the intake answers fast, so more would be fine too. */
export const MAX_CONCURRENT_REQUESTS = 10;

export interface WebhooksComponent {
  uid: string;
  type: 'webhooks';
  config: {
    settings: { targetUrl: string; maxConcurrentRequests: number };
    subscriptions: WebhookSubscriptions;
  };
}

/**
 * webhooks-hsmeta.json for these subscriptions, sending to `publicUrl`. From the file it
 * replaces it keeps the uid and maxConcurrentRequests, and every subscription the config no
 * longer asks for, as `active: false`: an upload that drops a deployed subscription is reported
 * to fail (unverified; pausing one is always accepted).
 */
export function webhooksComponent(
  subscriptions: WebhookSubscriptions,
  publicUrl: string,
  previous: WebhooksFile | null = null,
): WebhooksComponent {
  const old = previous?.config.subscriptions;
  return {
    uid: previous?.uid ?? WEBHOOKS_UID,
    type: 'webhooks',
    config: {
      settings: {
        targetUrl: `${publicUrl}${WEBHOOK_PATH}`,
        maxConcurrentRequests:
          previous?.config.settings.maxConcurrentRequests ?? MAX_CONCURRENT_REQUESTS,
      },
      subscriptions: {
        crmObjects: withRetired(subscriptions.crmObjects, old?.crmObjects),
        legacyCrmObjects: withRetired(subscriptions.legacyCrmObjects, old?.legacyCrmObjects),
        hubEvents: withRetired(subscriptions.hubEvents, old?.hubEvents),
      },
    },
  };
}

function withRetired(wanted: Subscription[], old: Subscription[] = []): Subscription[] {
  const keys = new Set(wanted.map(subscriptionKey));
  const retired = old
    .filter((s) => !keys.has(subscriptionKey(s)))
    .map((s) => ({ ...inOrder(s), active: false }))
    .sort((a, b) => subscriptionKey(a).localeCompare(subscriptionKey(b)));
  return [...wanted, ...retired];
}

/** HubSpot's key order, so a rewritten file reads like the generated ones. */
function inOrder(s: Subscription): Subscription {
  return {
    subscriptionType: s.subscriptionType,
    ...(s.objectType !== undefined && { objectType: s.objectType }),
    ...(s.propertyName !== undefined && { propertyName: s.propertyName }),
    active: s.active,
  };
}
