import { describe, expect, it } from 'vitest';
import { describeEventIssues } from '../../../webhooks/describe-event-issues.ts';
import { hubspotEventsSchema } from '../../../webhooks/hubspot-event-schema.ts';
import { associationEvent, hubspotEvent } from './hubspot-event.ts';

/** What the intake would say about a delivery of these events; [] when they are valid. */
function problems(...events: unknown[]): string[] {
  const parsed = hubspotEventsSchema.safeParse(events);
  return parsed.success ? [] : describeEventIssues(parsed.error.issues, events);
}

const ID = (what: string) => `it takes ${what}, a whole number like 62515.`;
const EVENT_ID = "it takes HubSpot's event id: a whole number, or text of 1 to 100 characters.";
const OCCURRED_AT = 'it takes epoch milliseconds (a whole number like 1764000000000).';

describe('hubspotEventSchema', () => {
  it('takes HubSpot’s event as sent, unknown fields passed through', () => {
    const event = hubspotEvent({ changeFlag: 'UPDATED', sourceId: null });
    expect(problems(event)).toEqual([]);
    expect(hubspotEventsSchema.parse([event])[0]).toEqual(event);
  });

  it('takes an event without the fields Vitals never reads: a 400 would lose the delivery', () => {
    const event = hubspotEvent();
    for (const key of ['subscriptionId', 'appId', 'attemptNumber']) delete event[key];
    expect(problems(event)).toEqual([]);
  });

  it('takes an event id as a number or as text', () => {
    expect(problems(hubspotEvent({ eventId: 0 }), hubspotEvent({ eventId: 'evt-9' }))).toEqual([]);
  });

  it('takes ids sent as digits in text', () => {
    expect(problems(hubspotEvent({ objectId: '42', portalId: '62515' }))).toEqual([]);
  });

  it('takes an association change without objectId when it has fromObjectId', () => {
    expect(problems(associationEvent())).toEqual([]);
    expect(problems(associationEvent({ subscriptionType: 'object.associationChange' }))).toEqual(
      [],
    );
  });

  it.each([
    ['eventId', true, `[0].eventId: got true; ${EVENT_ID}`],
    ['eventId', -1, `[0].eventId: got -1; ${EVENT_ID}`],
    ['eventId', '  ', `[0].eventId: got "  "; ${EVENT_ID}`],
    ['eventId', 'x'.repeat(101), `[0].eventId: got "${'x'.repeat(56)}...; ${EVENT_ID}`],
    ['eventId', undefined, `[0].eventId: got nothing; ${EVENT_ID}`],
    ['subscriptionId', 'abc', `[0].subscriptionId: got "abc"; ${ID('the subscription id')}`],
    ['portalId', 1.5, `[0].portalId: got 1.5; ${ID("the portal's hub id")}`],
    ['portalId', undefined, `[0].portalId: got nothing; ${ID("the portal's hub id")}`],
    ['appId', null, `[0].appId: got null; ${ID("the app's id")}`],
    ['occurredAt', '2026-11-16', `[0].occurredAt: got "2026-11-16"; ${OCCURRED_AT}`],
    ['occurredAt', 1.5, `[0].occurredAt: got 1.5; ${OCCURRED_AT}`],
    ['occurredAt', -1, `[0].occurredAt: got -1; ${OCCURRED_AT}`],
    ['occurredAt', 9e15, `[0].occurredAt: got 9000000000000000; ${OCCURRED_AT}`],
    ['occurredAt', undefined, `[0].occurredAt: got nothing; ${OCCURRED_AT}`],
    [
      'subscriptionType',
      'propertyChange',
      '[0].subscriptionType: got "propertyChange"; it takes a subscription type like "company.propertyChange".',
    ],
    [
      'subscriptionType',
      7,
      '[0].subscriptionType: got 7; it takes a subscription type like "company.propertyChange".',
    ],
    [
      'attemptNumber',
      -1,
      '[0].attemptNumber: got -1; it takes the delivery attempt (0 for the first), a whole number.',
    ],
    ['objectId', 'acme', `[0].objectId: got "acme"; ${ID("the object's id")}`],
    ['objectId', undefined, `[0].objectId: got nothing; ${ID("the object's id")}`],
    ['propertyName', 5, '[0].propertyName: got 5; it takes the property name as text.'],
    ['propertyValue', 5, '[0].propertyValue: got 5; it takes the new value as text.'],
    ['changeSource', [], '[0].changeSource: got []; it takes the change source as text.'],
    ['sourceId', {}, '[0].sourceId: got {}; it takes the source id as text.'],
    [
      'objectTypeId',
      'company',
      '[0].objectTypeId: got "company"; it takes an object type id like "0-2".',
    ],
  ])('refuses %s = %j, saying so', (field, value, message) => {
    expect(problems(hubspotEvent({ [field]: value }))).toEqual([message]);
  });

  it('refuses an association change with neither objectId nor fromObjectId', () => {
    expect(problems(associationEvent({ fromObjectId: undefined }))).toEqual([
      "[0].objectId: got nothing; it takes the object's id, a whole number (or fromObjectId, for an association change).",
    ]);
  });

  it('names the event of the batch that is wrong', () => {
    expect(problems(hubspotEvent(), hubspotEvent({ attemptNumber: 'first' }))).toEqual([
      '[1].attemptNumber: got "first"; it takes the delivery attempt (0 for the first), a whole number.',
    ]);
  });

  it('refuses an event that is not an object, and a body that is not an array', () => {
    expect(problems(null)).toEqual([
      '[0]: got null; it takes an event object like { "eventId": 1, "subscriptionType": … }.',
    ]);
    const notArray = hubspotEventsSchema.safeParse({});
    expect(describeEventIssues(notArray.error!.issues, {})).toEqual([
      'The body: got {}; it takes a JSON array of events, as HubSpot sends.',
    ]);
  });
});
