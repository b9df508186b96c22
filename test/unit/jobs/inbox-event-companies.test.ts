import { describe, expect, it } from 'vitest';
import { eventWork } from '../../../src/jobs/inbox-event-companies.ts';
import type { InboxEvent } from '../../../src/store/store.ts';

const COMPANY = 31_000_000_001;
const CONTACT = 52_000_000_003;

/** An inbox row as the intake stores an association change: objectId is fromObjectId. */
function associationRow(payload: Record<string, unknown>): InboxEvent {
  return {
    eventId: '1',
    subscriptionType: String(payload.subscriptionType),
    objectId: String(payload.fromObjectId),
    payload: {
      eventId: 1,
      portalId: 48_000_001,
      appId: 5_100_001,
      occurredAt: 1_764_000_000_000,
      attemptNumber: 0,
      changeSource: 'USER',
      sourceId: 'userId:9001',
      associationRemoved: false,
      isPrimaryAssociation: false,
      ...payload,
    },
  } as InboxEvent;
}

describe('eventWork on association changes', () => {
  it('rescores the company a contact joined or left, from either side', () => {
    const companySide = associationRow({
      subscriptionType: 'company.associationChange',
      associationType: 'COMPANY_TO_CONTACT',
      fromObjectId: COMPANY,
      toObjectId: CONTACT,
      associationRemoved: true,
    });
    const contactSide = associationRow({
      subscriptionType: 'contact.associationChange',
      associationType: 'CONTACT_TO_COMPANY',
      fromObjectId: CONTACT,
      toObjectId: COMPANY,
    });
    expect(eventWork(companySide)).toEqual({ kind: 'companies', ids: [String(COMPANY)] });
    expect(eventWork(contactSide)).toEqual({ kind: 'companies', ids: [String(COMPANY)] });
  });

  it('ignores links with deals and tickets, whose ids are no company ids', () => {
    const deal = associationRow({
      subscriptionType: 'contact.associationChange',
      associationType: 'CONTACT_TO_DEAL',
      fromObjectId: CONTACT,
      toObjectId: 64_058_987_777,
    });
    expect(eventWork(deal)).toEqual({
      kind: 'ignore',
      why: 'a CONTACT_TO_DEAL association change, which no health signal reads',
    });
    const ticket = associationRow({
      subscriptionType: 'company.associationChange',
      associationType: 'COMPANY_TO_TICKET',
      fromObjectId: COMPANY,
      toObjectId: 77,
    });
    expect(eventWork(ticket).kind).toBe('ignore');
  });

  it('without associationType, takes the link as a company–contact one', () => {
    const bare = associationRow({
      subscriptionType: 'company.associationChange',
      fromObjectId: COMPANY,
      toObjectId: CONTACT,
    });
    expect(eventWork(bare)).toEqual({ kind: 'companies', ids: [String(COMPANY)] });
  });

  it("falls back to the contact's companies when a contact's event names no company", () => {
    const noEnd = associationRow({
      subscriptionType: 'contact.associationChange',
      fromObjectId: CONTACT,
    });
    expect(eventWork(noEnd)).toEqual({ kind: 'contacts', ids: [String(CONTACT)] });
  });
});
