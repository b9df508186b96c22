import { describe, expect, it } from 'vitest';
import { eventWork } from '../../../src/jobs/inbox-event-companies.ts';
import type { InboxEvent } from '../../../src/store/store.ts';
import {
  HANDLED_SUBSCRIPTION_TYPES,
  isHandledEvent,
} from '../../../webhooks/handled-subscriptions.ts';
import { hubspotEventSchema } from '../../../webhooks/hubspot-event-schema.ts';
import { inboxEventOf } from '../../../webhooks/inbox-event-of.ts';
import { associationEvent, hubspotEvent } from './hubspot-event.ts';

const inbox = (raw: Record<string, unknown>) =>
  inboxEventOf({ event: hubspotEventSchema.parse(raw), raw });

describe('inboxEventOf', () => {
  it('stores ids as text, occurredAt as ISO and the event as it came', () => {
    const raw = hubspotEvent({ eventId: 1001, objectId: 42 });
    expect(inbox(raw)).toEqual({
      eventId: '1001',
      subscriptionType: 'object.propertyChange',
      objectId: '42',
      occurredAt: '2026-11-16T09:30:00.000Z',
      state: 'received',
      payload: raw,
    });
  });

  it('uses fromObjectId for an association change', () => {
    expect(inbox(associationEvent({ fromObjectId: 77 }))).toMatchObject({
      objectId: '77',
      state: 'received',
    });
  });

  it('marks a subscription type Vitals does not handle as ignored', () => {
    expect(inbox(hubspotEvent({ subscriptionType: 'deal.creation' })).state).toBe('ignored');
  });
});

describe('isHandledEvent', () => {
  it.each([
    'company.propertyChange',
    'company.deletion',
    'company.merge',
    'company.restore',
    'company.associationChange',
    'contact.propertyChange',
    'contact.associationChange',
    'contact.privacyDeletion',
  ])('handles %s', (subscriptionType) => {
    expect(isHandledEvent({ subscriptionType })).toBe(true);
  });

  it('handles object.propertyChange for companies (0-2) only', () => {
    const change = { subscriptionType: 'object.propertyChange' };
    expect(isHandledEvent({ ...change, objectTypeId: '0-2' })).toBe(true);
    expect(isHandledEvent({ ...change, objectTypeId: '0-1' })).toBe(false);
    expect(isHandledEvent(change)).toBe(false);
  });

  it.each([
    'deal.creation',
    'contact.creation',
    'object.creation',
    'object.associationChange',
    'ticket.propertyChange',
  ])('does not handle %s', (subscriptionType) => {
    expect(isHandledEvent({ subscriptionType, objectTypeId: '0-2' })).toBe(false);
  });
});

describe('the intake and the worker agree', () => {
  it.each([...HANDLED_SUBSCRIPTION_TYPES])('the worker acts on a handled %s event', (type) => {
    const event: InboxEvent = {
      portal: 'sandbox',
      eventId: '1',
      subscriptionType: type,
      objectId: '31000000001',
      occurredAt: '2026-11-16T10:00:00.000Z',
      payload: { objectTypeId: '0-2', fromObjectId: 31000000001, toObjectId: 31000000002 },
      state: 'received',
      attempts: 0,
      error: null,
      receivedAt: '2026-11-16T10:00:01.000Z',
      nextAttemptAt: null,
      updatedAt: '2026-11-16T10:00:01.000Z',
    };
    expect(eventWork(event).kind).not.toBe('ignore');
  });
});
