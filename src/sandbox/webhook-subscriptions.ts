import { z } from 'zod';
import { objectType, type CrmObjectType } from './object-types.ts';

// One entry of a 2025.2 webhooks-hsmeta.json's `crmObjects` / `legacyCrmObjects` list:
// https://developers.hubspot.com/docs/apps/developer-platform/add-features/configure-webhooks
const entry = z.object({
  subscriptionType: z
    .string()
    .regex(/^[a-z]+\.[A-Za-z]+$/, 'takes a subscription type like "object.propertyChange"'),
  objectType: z.string().min(1).optional(),
  propertyName: z.string().min(1).optional(),
  active: z.boolean().optional(),
});

export type WebhookSubscriptionEntry = z.input<typeof entry>;

/** A plain list of entries, or the hsmeta file's `config.subscriptions` object as it is. */
export const webhookSubscriptionsSchema = z.union([
  z.array(entry),
  z.object({
    crmObjects: z.array(entry).optional(),
    legacyCrmObjects: z.array(entry).optional(),
    hubEvents: z.array(z.unknown()).optional(),
  }),
]);

export type WebhookSubscriptionsInput = z.input<typeof webhookSubscriptionsSchema>;

/** An active subscription, numbered as HubSpot numbers them (the event's subscriptionId). */
export interface Subscription {
  id: number;
  subscriptionType: string;
  /** The object type it watches; null for one the sandbox does not hold (deals, tickets). */
  objectType: CrmObjectType | null;
  /** `object.*` events carry objectTypeId; the legacy `company.*` / `contact.*` ones do not. */
  generic: boolean;
  action: string;
  propertyName: string | null;
}

const FIRST_SUBSCRIPTION_ID = 3_200_001;

/**
 * The active subscriptions, each with its id. HubSpot refuses a propertyChange subscription
 * without a property and an `object.*` one without an object type, so the sandbox does too.
 */
export function normalizeSubscriptions(input: WebhookSubscriptionsInput): Subscription[] {
  const parsed = webhookSubscriptionsSchema.parse(input);
  const entries = Array.isArray(parsed)
    ? parsed
    : [...(parsed.crmObjects ?? []), ...(parsed.legacyCrmObjects ?? [])];
  return entries.flatMap((item, index) => {
    const [prefix = '', action = ''] = item.subscriptionType.split('.');
    const generic = prefix === 'object';
    if (generic && !item.objectType) {
      throw new Error(`Subscription ${index} (${item.subscriptionType}) needs an objectType.`);
    }
    if (action === 'propertyChange' && !item.propertyName) {
      throw new Error(`Subscription ${index} (${item.subscriptionType}) needs a propertyName.`);
    }
    if (item.active === false) return [];
    return [
      {
        id: FIRST_SUBSCRIPTION_ID + index,
        subscriptionType: item.subscriptionType,
        objectType: objectType(generic ? (item.objectType ?? '') : prefix)?.type ?? null,
        generic,
        action,
        propertyName: item.propertyName ?? null,
      },
    ];
  });
}
