import { describe, expect, it } from 'vitest';
import { associationChangeEvents } from '../../../src/sandbox/association-change-events.ts';
import type { AssociationChange } from '../../../src/sandbox/association-journal.ts';
import { normalizeSubscriptions } from '../../../src/sandbox/webhook-subscriptions.ts';

const COMPANY = 31_000_000_001;
const CONTACT = 52_000_000_003;

const subscriptions = normalizeSubscriptions([
  { subscriptionType: 'company.associationChange' },
  { subscriptionType: 'contact.associationChange' },
  { subscriptionType: 'contact.propertyChange', propertyName: 'hs_buying_role' },
  { subscriptionType: 'object.associationChange', objectType: 'company' },
]);

const companySide = (overrides: Partial<AssociationChange> = {}): AssociationChange => ({
  seq: 1,
  fromType: 'companies',
  fromId: COMPANY,
  toType: 'contacts',
  toId: CONTACT,
  typeId: 280,
  removed: false,
  occurredAt: 1_764_000_000_000,
  sourceType: 'USER',
  sourceId: 'userId:9001',
  ...overrides,
});

const contactSide = (overrides: Partial<AssociationChange> = {}) =>
  companySide({
    fromType: 'contacts',
    fromId: CONTACT,
    toType: 'companies',
    toId: COMPANY,
    ...overrides,
  });

const origin = () => {
  let id = 100;
  return { portalId: 48_000_001, appId: 5_100_001, nextEventId: () => (id += 1) };
};

describe('associationChangeEvents', () => {
  it("makes HubSpot's company.associationChange event from the company side, with no objectId", () => {
    expect(associationChangeEvents(companySide(), subscriptions, origin())).toEqual([
      {
        eventId: 101,
        subscriptionId: subscriptions[0]!.id,
        portalId: 48_000_001,
        appId: 5_100_001,
        occurredAt: 1_764_000_000_000,
        subscriptionType: 'company.associationChange',
        attemptNumber: 0,
        changeSource: 'USER',
        associationType: 'COMPANY_TO_CONTACT',
        fromObjectId: COMPANY,
        toObjectId: CONTACT,
        associationRemoved: false,
        isPrimaryAssociation: false,
        sourceId: 'userId:9001',
      },
    ]);
  });

  it('gives contact.associationChange the contact side, CONTACT_TO_COMPANY', () => {
    const [event, ...rest] = associationChangeEvents(contactSide(), subscriptions, origin());
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      subscriptionType: 'contact.associationChange',
      subscriptionId: subscriptions[1]!.id,
      associationType: 'CONTACT_TO_COMPANY',
      fromObjectId: CONTACT,
      toObjectId: COMPANY,
    });
  });

  it('marks the primary types (2 and 1) and a removal', () => {
    const [primary] = associationChangeEvents(
      companySide({ typeId: 2, removed: true }),
      subscriptions,
      origin(),
    );
    expect(primary).toMatchObject({ isPrimaryAssociation: true, associationRemoved: true });
    const [back] = associationChangeEvents(contactSide({ typeId: 1 }), subscriptions, origin());
    expect(back).toMatchObject({ isPrimaryAssociation: true, associationRemoved: false });
  });

  it('sends nothing to a side nobody subscribed to, nor to the generic object.* form', () => {
    const companyOnly = normalizeSubscriptions([
      { subscriptionType: 'object.associationChange', objectType: 'company' },
      { subscriptionType: 'company.associationChange', active: false },
      { subscriptionType: 'contact.associationChange' },
    ]);
    expect(associationChangeEvents(companySide(), companyOnly, origin())).toEqual([]);
    expect(associationChangeEvents(contactSide(), companyOnly, origin())).toHaveLength(1);
  });
});
