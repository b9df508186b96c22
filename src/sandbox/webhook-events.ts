import type { AssociationChangeEvent } from './association-change-events.ts';
import type { PropertyChange } from './change-journal.ts';
import { objectTypeInfo } from './object-types.ts';
import type { Subscription } from './webhook-subscriptions.ts';

/** What every event of a delivery carries, whatever changed. */
export interface EventEnvelope {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
}

/**
 * A propertyChange event in HubSpot's shape:
 * https://developers.hubspot.com/docs/apps/legacy-apps/public-apps/webhooks
 */
export interface PropertyChangeEvent extends EventEnvelope {
  objectId: number;
  objectTypeId?: string;
  propertyName: string;
  propertyValue: string;
  changeSource: string;
  sourceId: string | null;
}

/** One event of a delivery. */
export type WebhookEvent = PropertyChangeEvent | AssociationChangeEvent;

export interface EventOrigin {
  portalId: number;
  appId: number;
  nextEventId: () => number;
}

/**
 * Event ids that grow and never repeat, even across restarts and `vitals sandbox reset`: the
 * app's inbox keeps one row per eventId, so a reused id would be taken for a redelivery and
 * dropped. Microseconds of the clock, or one more than the last id when that is larger.
 */
export function eventIdSource(clock: () => number): () => number {
  let last = 0;
  return () => (last = Math.max(last + 1, Math.floor(clock() * 1000)));
}

/** The envelope of a new event for this subscription: a fresh id, first attempt (0). */
export function eventEnvelope(
  subscription: Subscription,
  origin: EventOrigin,
  occurredAt: number,
): EventEnvelope {
  return {
    eventId: origin.nextEventId(),
    subscriptionId: subscription.id,
    portalId: origin.portalId,
    appId: origin.appId,
    occurredAt,
    subscriptionType: subscription.subscriptionType,
    attemptNumber: 0,
  };
}

function matches(subscription: Subscription, change: PropertyChange): boolean {
  return (
    subscription.action === 'propertyChange' &&
    subscription.objectType === change.objectType &&
    subscription.propertyName === change.name
  );
}

/** One propertyChange event per subscription the change matches; none when it matches none. */
export function webhookEvents(
  change: PropertyChange,
  subscriptions: readonly Subscription[],
  origin: EventOrigin,
): PropertyChangeEvent[] {
  return subscriptions
    .filter((subscription) => matches(subscription, change))
    .map((subscription) => ({
      ...eventEnvelope(subscription, origin, change.occurredAt),
      objectId: change.objectId,
      ...(subscription.generic
        ? { objectTypeId: objectTypeInfo(change.objectType).objectTypeId }
        : {}),
      propertyName: change.name,
      // A cleared value comes as an empty string, as HubSpot stores it.
      propertyValue: change.value ?? '',
      changeSource: change.sourceType,
      sourceId: change.sourceId,
    }));
}
