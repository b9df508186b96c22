import { isoInstant } from './iso-instant.ts';
import { nonEmptyText } from './non-empty-text.ts';
import type { InboxEventInput } from './store.ts';
import { StoreError } from './store-error.ts';

/**
 * Checks one event handed to `receiveEvents` and turns it into insert parameters. `field` names
 * it in errors (e.g. `events[2]`), so the intake can tell which event of a batch was refused.
 */
export function inboxEventParams(event: InboxEventInput, field: string) {
  if (event.state !== 'received' && event.state !== 'ignored') {
    throw new StoreError(
      'invalid-input',
      `${field}.state must be "received" or "ignored", got ${JSON.stringify(event.state)}.`,
    );
  }
  // JSON.stringify answers undefined (not text) for undefined, functions and symbols.
  const payload = JSON.stringify(event.payload) as string | undefined;
  if (payload === undefined) {
    throw new StoreError(
      'invalid-input',
      `${field}.payload must be JSON, got ${typeof event.payload}.`,
    );
  }
  return {
    eventId: nonEmptyText(event.eventId, `${field}.eventId`),
    subscriptionType: nonEmptyText(event.subscriptionType, `${field}.subscriptionType`),
    objectId: nonEmptyText(event.objectId, `${field}.objectId`),
    occurredAt: isoInstant(event.occurredAt, `${field}.occurredAt`),
    state: event.state,
    payload,
  };
}
