import type { AssociationChange } from './association-journal.ts';
import { objectTypeInfo } from './object-types.ts';
import { eventEnvelope, type EventEnvelope, type EventOrigin } from './webhook-events.ts';
import type { Subscription } from './webhook-subscriptions.ts';

/**
 * An associationChange event in HubSpot's shape: no objectId, the two ends instead.
 * https://developers.hubspot.com/docs/apps/legacy-apps/public-apps/webhooks
 */
export interface AssociationChangeEvent extends EventEnvelope {
  changeSource: string;
  /** "COMPANY_TO_CONTACT", "CONTACT_TO_COMPANY": the subscription's side first. */
  associationType: string;
  fromObjectId: number;
  toObjectId: number;
  associationRemoved: boolean;
  isPrimaryAssociation: boolean;
  sourceId: string | null;
}

/** Company→contact 2 and contact→company 1: the contact's primary company. */
const PRIMARY_TYPES = new Set([1, 2]);

const associationType = (change: AssociationChange) =>
  [change.fromType, change.toType]
    .map((type) => objectTypeInfo(type).singular.toUpperCase())
    .join('_TO_');

// Only the classic `company.associationChange` / `contact.associationChange` form: the generic
// `object.associationChange` payload differs, and the app does not subscribe to it.
function matches(subscription: Subscription, change: AssociationChange): boolean {
  return (
    subscription.action === 'associationChange' &&
    !subscription.generic &&
    subscription.objectType === change.fromType
  );
}

/**
 * One event per subscription of the change's `from` side: linking a company and a contact
 * journals both directions, so `company.associationChange` hears COMPANY_TO_CONTACT and
 * `contact.associationChange` hears CONTACT_TO_COMPANY, as HubSpot sends them.
 */
export function associationChangeEvents(
  change: AssociationChange,
  subscriptions: readonly Subscription[],
  origin: EventOrigin,
): AssociationChangeEvent[] {
  return subscriptions
    .filter((subscription) => matches(subscription, change))
    .map((subscription) => ({
      ...eventEnvelope(subscription, origin, change.occurredAt),
      changeSource: change.sourceType,
      associationType: associationType(change),
      fromObjectId: change.fromId,
      toObjectId: change.toId,
      associationRemoved: change.removed,
      isPrimaryAssociation: PRIMARY_TYPES.has(change.typeId),
      sourceId: change.sourceId,
    }));
}
