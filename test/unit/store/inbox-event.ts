import type { InboxEventInput } from '../../../src/store/store.ts';

/** A company property change as the intake stores it; tests override only what they are about. */
export function inboxEvent(
  eventId: string,
  overrides: Partial<Omit<InboxEventInput, 'eventId'>> = {},
): InboxEventInput {
  const objectId = overrides.objectId ?? '101';
  return {
    eventId,
    subscriptionType: 'company.propertyChange',
    objectId,
    occurredAt: '2025-03-10T11:59:00.000Z',
    state: 'received',
    payload: {
      eventId: Number(eventId),
      subscriptionType: 'company.propertyChange',
      objectId: Number(objectId),
      propertyName: 'mrr',
      propertyValue: '1200',
    },
    ...overrides,
  };
}
