import type { InboxState, Store } from '../../../src/store/store.ts';

/** Each event's state by event id: a whole portal's inbox in one comparable value. */
export async function inboxStates(
  store: Store,
  portal = 'sandbox',
): Promise<Record<string, InboxState>> {
  const events = await store.listInbox(portal, { limit: 1000 });
  return Object.fromEntries(events.map((event) => [event.eventId, event.state]));
}
