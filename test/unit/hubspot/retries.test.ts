import { describe, expect, it } from 'vitest';
import { DailyLimitError } from '../../../src/hubspot/daily-limit-error.ts';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import { hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const OWNERS = '/crm/v3/owners/';
const owners = { results: [{ id: '7', email: 'ana@example.com', userId: 70 }] };
const rateLimited = (policyName: string) => ({
  status: 'error',
  message: 'You have reached your ten_secondly_rolling limit.',
  errorType: 'RATE_LIMIT',
  correlationId: 'c0ffee-429',
  policyName,
});

describe('retries', () => {
  it('waits the Retry-After of a TEN_SECONDLY_ROLLING 429, then succeeds', async () => {
    const { gateway, hubspot, sleeps } = testGateway();
    hubspot
      .get(OWNERS)
      .query(true)
      .reply(429, rateLimited('TEN_SECONDLY_ROLLING'), { 'Retry-After': '3' })
      .get(OWNERS)
      .query(true)
      .reply(200, owners);

    const result = await gateway.listOwners();

    expect(result.map((o) => o.id)).toEqual(['7']);
    expect(sleeps).toEqual([3000]);
    expect(gateway.apiCalls()).toEqual({ 'owners.list': 2 });
  });

  it('without Retry-After, waits until the rolling window frees a slot', async () => {
    const { gateway, hubspot, sleeps } = testGateway();
    hubspot
      .get(OWNERS)
      .query(true)
      .reply(429, rateLimited('TEN_SECONDLY_ROLLING'))
      .get(OWNERS)
      .query(true)
      .reply(200, owners);

    await gateway.listOwners();

    expect(sleeps).toEqual([10_000]);
  });

  it('stops on a DAILY 429 with the portal-time midnight to resume at, and sends nothing more', async () => {
    const { gateway, hubspot } = testGateway({ timeZone: 'America/New_York' });
    hubspot.get(OWNERS).query(true).reply(429, rateLimited('DAILY'));

    const error = await gateway.listOwners().catch((e) => e);
    const again = await gateway.listProperties('companies').catch((e) => e);

    expect(error).toBeInstanceOf(DailyLimitError);
    expect(error.resumeAt.toISOString()).toBe('2026-11-24T05:00:00.000Z');
    expect(error.message).toMatch(/daily API limit.*2026-11-24T05:00:00.000Z/);
    expect(again).toBeInstanceOf(DailyLimitError);
    expect(gateway.apiCalls()).toEqual({ 'owners.list': 1 });
  });

  it('retries 5xx answers with growing, jittered delays, then succeeds', async () => {
    const { gateway, hubspot, sleeps } = testGateway({ random: () => 0.5 });
    hubspot
      .get(OWNERS)
      .query(true)
      .reply(503, 'Service Unavailable')
      .get(OWNERS)
      .query(true)
      .reply(502, hubspotError('BAD_GATEWAY', 'Bad gateway'))
      .get(OWNERS)
      .query(true)
      .reply(200, owners);

    await gateway.listOwners();

    // Equal jitter: half of 500 ms, then of 1,000 ms, fixed, plus random (0.5) × the other half.
    expect(sleeps).toEqual([375, 750]);
    expect(gateway.apiCalls()).toEqual({ 'owners.list': 3 });
  });

  it('gives up on a 5xx that never ends after 5 attempts, with a typed error', async () => {
    const { gateway, hubspot, sleeps } = testGateway({ retry: { maxDelayMs: 2000 } });
    hubspot.get(OWNERS).query(true).times(5).reply(500, hubspotError('INTERNAL_ERROR', 'Oops'));

    const error = await gateway.listOwners().catch((e) => e);

    expect(error).toBeInstanceOf(HubSpotError);
    expect(error).toMatchObject({ status: 500, attempts: 5, correlationId: 'c0ffee-1234' });
    expect(error.message).toMatch(/answered 500 to owners\.list.*Gave up after 5 attempts/);
    expect(sleeps).toEqual([500, 1000, 2000, 2000]);
  });

  it('retries network errors', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .get(OWNERS)
      .query(true)
      .replyWithError('socket hang up')
      .get(OWNERS)
      .query(true)
      .reply(200, owners);

    await expect(gateway.listOwners()).resolves.toHaveLength(1);
    expect(gateway.apiCalls()).toEqual({ 'owners.list': 2 });
  });

  it('does not retry a 400 and passes on what HubSpot said', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.post('/crm/v3/properties/companies').reply(
      400,
      hubspotError('VALIDATION_ERROR', 'Property values were not valid', {
        errors: [{ message: 'health_tier: "Gold" is not one of the allowed options' }],
      }),
    );

    const error = await gateway
      .createProperty('companies', {
        name: 'health_tier',
        label: 'Health tier',
        type: 'enumeration',
        fieldType: 'select',
        groupName: 'customer_health',
      })
      .catch((e) => e);

    expect(error).toBeInstanceOf(HubSpotError);
    expect(error).toMatchObject({ status: 400, category: 'VALIDATION_ERROR', attempts: 1 });
    expect(error.message).toBe(
      'HubSpot rejected properties.create (400 VALIDATION_ERROR): Property values were not ' +
        'valid health_tier: "Gold" is not one of the allowed options (HubSpot correlation id ' +
        'c0ffee-1234)',
    );
    expect(gateway.apiCalls()).toEqual({ 'properties.create': 1 });
  });

  it('does not resend a create after a 5xx, since the tasks may exist', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.post('/crm/v3/objects/tasks/batch/create').reply(503, 'Service Unavailable');

    const error = await gateway
      .createTasks([{ properties: { hs_timestamp: '2026-11-24T09:00:00Z' } }])
      .catch((e) => e);

    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(error.message).toMatch(/not resent because it creates records/);
  });

  it('gives up on endless 429s after the bound', async () => {
    const { gateway, hubspot } = testGateway({ retry: { maxRateLimitRetries: 2 } });
    hubspot
      .get(OWNERS)
      .query(true)
      .times(3)
      .reply(429, rateLimited('TEN_SECONDLY_ROLLING'), { 'Retry-After': '1' });

    const error = await gateway.listOwners().catch((e) => e);

    expect(error).toMatchObject({ status: 429, policyName: 'TEN_SECONDLY_ROLLING', attempts: 3 });
    expect(error.message).toMatch(/rateLimit\.per10s/);
  });
});
