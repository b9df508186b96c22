import { nonEmptyText } from './non-empty-text.ts';
import type { InboxEvent, InboxState } from './store.ts';
import { StoreError } from './store-error.ts';

// The webhook inbox's rows as both stores read them, and the checks both make on what they are
// asked.

export interface InboxRow {
  portal: string;
  event_id: string;
  subscription_type: string;
  object_id: string;
  occurred_at: string;
  state: InboxState;
  attempts: number;
  error: string | null;
  payload: string;
  received_at: string;
  next_attempt_at: string | null;
  updated_at: string;
}

export type Settled = 'processed' | 'ignored';

/** Events `vitals inbox` lists when no limit is given. */
export const LIST_LIMIT = 50;

/** The ids, each checked to be a non-empty text. */
export function checkedEventIds(eventIds: readonly string[]): readonly string[] {
  eventIds.forEach((id, i) => nonEmptyText(id, `eventIds[${i}]`));
  return eventIds;
}

export function positive(limit: number): number {
  if (Number.isInteger(limit) && limit > 0) return limit;
  throw new StoreError('invalid-input', `limit must be a positive whole number, got ${limit}.`);
}

export function inboxEvent(row: InboxRow): InboxEvent {
  return {
    portal: row.portal,
    eventId: row.event_id,
    subscriptionType: row.subscription_type,
    objectId: row.object_id,
    occurredAt: row.occurred_at,
    state: row.state,
    attempts: row.attempts,
    error: row.error,
    payload: JSON.parse(row.payload) as unknown,
    receivedAt: row.received_at,
    nextAttemptAt: row.next_attempt_at,
    updatedAt: row.updated_at,
  };
}
