import type { InboxEventInput } from '../src/store/store.ts';
import { isHandledEvent } from './handled-subscriptions.ts';
import type { ParsedEvent } from './parse-webhook-events.ts';

/** The inbox row for one delivered event: ids as text, occurredAt as ISO, the event as sent. */
export function inboxEventOf({ event, raw }: ParsedEvent): InboxEventInput {
  return {
    eventId: String(event.eventId),
    subscriptionType: event.subscriptionType,
    // The schema makes sure one of them is there.
    objectId: String(event.objectId ?? event.fromObjectId),
    occurredAt: new Date(event.occurredAt).toISOString(),
    state: isHandledEvent(event) ? 'received' : 'ignored',
    payload: raw,
  };
}
