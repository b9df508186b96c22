import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/server/api-error.ts';
import { parseWebhookEvents } from '../../../webhooks/parse-webhook-events.ts';
import { hubspotEvent } from './hubspot-event.ts';

const body = (text: string) => Buffer.from(text, 'utf8');

function refusal(raw: unknown): ApiError {
  try {
    parseWebhookEvents(raw);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('parseWebhookEvents took the body');
}

describe('parseWebhookEvents', () => {
  it('answers each event with the event exactly as it came', () => {
    const sent = [hubspotEvent({ eventId: 7, hsExtra: { a: 1 } })];
    const [parsed] = parseWebhookEvents(body(JSON.stringify(sent)));
    expect(parsed!.raw).toEqual(sent[0]);
    expect(parsed!.event.eventId).toBe(7);
  });

  it('takes an empty array', () => {
    expect(parseWebhookEvents(body('[]'))).toEqual([]);
  });

  it('refuses no body, and text that is not JSON, with a 400', () => {
    expect(refusal(undefined)).toMatchObject({ status: 400 });
    expect(refusal(undefined).message).toMatch(/^The request has no body\./);
    expect(refusal(body('[{"eventId": 1,'))).toMatchObject({ status: 400 });
    expect(refusal(body('[{"eventId": 1,')).message).toMatch(/^The body is not JSON \(/);
  });

  it('refuses JSON nested 10,000 levels deep with a 400 before parsing it', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(refusal(body(deep)).message).toMatch(/^The body nests more than 32 levels deep\./);
  });

  it('does not count brackets inside text values as nesting', () => {
    const event = hubspotEvent({ propertyValue: '['.repeat(100) + '\\"{'.repeat(50) });
    expect(parseWebhookEvents(body(JSON.stringify([event])))).toHaveLength(1);
  });

  it('names at most five problems and counts the rest', () => {
    const events = Array.from({ length: 4 }, () => ({}));
    const message = refusal(body(JSON.stringify(events))).message;
    expect(message).toMatch(/^\[0\]\.eventId: got nothing; /);
    expect(message.match(/: got /g)).toHaveLength(5);
    expect(message).toContain('(11 more not shown.)');
  });

  it('shows what a delivery looks like', () => {
    expect(refusal(body('{}')).message).toBe(
      'The body: got {}; it takes a JSON array of events, as HubSpot sends. ' +
        'Vitals takes HubSpot\'s webhook deliveries: a JSON array of events like [{ "eventId": 1, "subscriptionId": 2, "portalId": 62515, "appId": 3, "occurredAt": 1764000000000, "subscriptionType": "company.propertyChange", "attemptNumber": 0, "objectId": 42 }].',
    );
  });
});
