import { afterEach, describe, expect, it } from 'vitest';
import { UUID, startTestSandbox, type Reply, type TestSandbox } from './sandbox-fixture.ts';

function expectRateLimited(reply: Reply, policyName: string): void {
  expect(reply.status).toBe(429);
  expect(reply.body).toEqual({
    status: 'error',
    message: expect.any(String),
    errorType: 'RATE_LIMIT',
    correlationId: expect.stringMatching(UUID),
    policyName,
  });
}

describe('sandbox rate limits', () => {
  let t: TestSandbox | undefined;
  afterEach(() => t?.close());

  it('allows per10s requests in a 10-second window, then answers 429 TEN_SECONDLY_ROLLING', async () => {
    t = await startTestSandbox({ companies: 1, rateLimit: { per10s: 5, daily: 1_000 } });
    const replies: Reply[] = [];
    for (let i = 0; i < 6; i += 1) replies.push(await t.get('/crm/v3/owners'));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(replies.map((r) => r.headers.get('x-hubspot-ratelimit-remaining'))).toEqual([
      '4',
      '3',
      '2',
      '1',
      '0',
      '0',
    ]);
    for (const reply of replies) {
      expect(reply.headers.get('x-hubspot-ratelimit-max')).toBe('5');
      expect(reply.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
      expect(reply.headers.get('x-hubspot-ratelimit-daily')).toBe('1000');
    }
    expect(replies[4]!.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('995');
    expectRateLimited(replies[5]!, 'TEN_SECONDLY_ROLLING');
  });

  it('sizes the daily allowance from the tier and stops at a daily limit with 429 DAILY', async () => {
    t = await startTestSandbox({ companies: 1, rateLimit: { per10s: 100 } });
    expect((await t.get('/crm/v3/owners')).headers.get('x-hubspot-ratelimit-daily')).toBe('250000');
    t.sandbox.setFaults({ dailyLimit: 3 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await t.get('/crm/v3/owners')).status);
    expect(statuses).toEqual([200, 200, 429]);
    const reply = await t.get('/crm/v3/owners');
    expectRateLimited(reply, 'DAILY');
    expect(reply.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0');
  });

  it('keeps the day count across a restart, as HubSpot does', async () => {
    t = await startTestSandbox({ companies: 1, rateLimit: { per10s: 100, daily: 2 } });
    await t.get('/crm/v3/owners');
    await t.get('/crm/v3/owners');
    await t.close(true);
    t = await startTestSandbox({
      dataDir: t.dataDir,
      companies: 1,
      rateLimit: { per10s: 100, daily: 2 },
    });
    expectRateLimited(await t.get('/crm/v3/owners'), 'DAILY');
  });

  it('limits search to 5 requests a second with 429 SECONDLY', async () => {
    t = await startTestSandbox({ companies: 1 });
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push(await t.post('/crm/v3/objects/tasks/search', {}));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expectRateLimited(statuses[5]!, 'SECONDLY');
    // HubSpot's search answers carry no X-HubSpot-RateLimit-* headers.
    expect(statuses[0]!.headers.get('x-hubspot-ratelimit-max')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect((await t.post('/crm/v3/objects/tasks/search', {})).status).toBe(200);
  });

  it('answers a 429 storm with Retry-After, then serves again', async () => {
    t = await startTestSandbox({ companies: 1 });
    t.sandbox.setFaults({ rateLimitStorm: 2, stormRetryAfterSeconds: 3 });
    const first = await t.get('/crm/v3/owners');
    expectRateLimited(first, 'TEN_SECONDLY_ROLLING');
    expect(first.headers.get('retry-after')).toBe('3');
    expect((await t.get('/crm/v3/owners')).status).toBe(429);
    expect((await t.get('/crm/v3/owners')).status).toBe(200);
  });
});
