/** A company property change as HubSpot delivers it; `overrides` replace or add fields. */
export function hubspotEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: 1001,
    subscriptionId: 2002,
    portalId: 62515,
    appId: 3003,
    occurredAt: Date.parse('2026-11-16T09:30:00.000Z'),
    subscriptionType: 'object.propertyChange',
    attemptNumber: 0,
    objectId: 42,
    objectTypeId: '0-2',
    propertyName: 'annualrevenue',
    propertyValue: '120000',
    changeSource: 'CRM_UI',
    sourceId: 'userId:77',
    ...overrides,
  };
}

/** HubSpot's association change: `fromObjectId`/`toObjectId`, no `objectId`. */
export function associationEvent(overrides: Record<string, unknown> = {}) {
  const event = hubspotEvent({
    subscriptionType: 'company.associationChange',
    associationType: 'COMPANY_TO_CONTACT',
    fromObjectId: 42,
    toObjectId: 501,
    associationRemoved: false,
    isPrimaryAssociation: false,
    ...overrides,
  });
  for (const field of ['objectId', 'objectTypeId', 'propertyName', 'propertyValue']) {
    if (!(field in overrides)) delete event[field];
  }
  return event;
}
