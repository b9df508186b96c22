import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DailyLimitError } from '../../../src/hubspot/daily-limit-error.ts';
import { RateLimits } from '../../../src/hubspot/rate-limits.ts';
import { SlidingWindow } from '../../../src/hubspot/sliding-window.ts';
import { START, crmObject, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

function fakeTime() {
  const time = { now: 0 };
  return {
    time,
    clock: () => time.now,
    sleep: async (ms: number) => {
      time.now += ms;
    },
  };
}

/** The most starts within any span of `windowMs` (half-open, as HubSpot's rolling window). */
function busiestWindow(starts: readonly number[], windowMs: number): number {
  let most = 0;
  for (let first = 0, last = 0; last < starts.length; last++) {
    while ((starts[last] ?? 0) - (starts[first] ?? 0) >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('SlidingWindow', () => {
  it('never lets more than its limit start in any rolling window, however calls arrive', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 120 }),
        async (limit, gaps) => {
          const { time, clock, sleep } = fakeTime();
          const window = new SlidingWindow({ limit, windowMs: 10_000, clock, sleep });
          const starts: number[] = [];
          for (const gap of gaps) {
            time.now += gap;
            await window.acquire();
            starts.push(time.now);
          }
          expect(busiestWindow(starts, 10_000)).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });

  it('serves a burst of concurrent callers in order, at full speed and no faster', async () => {
    const { time, clock, sleep } = fakeTime();
    const window = new SlidingWindow({ limit: 90, windowMs: 10_000, clock, sleep });
    const starts: number[] = [];

    await Promise.all(
      Array.from({ length: 300 }, (_, i) => window.acquire().then(() => starts.push(i))),
    );

    expect(starts).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(time.now).toBe(30_000);
  });
});

describe('rate limits in the gateway', () => {
  it('keeps a run of 120 calls at per10s 100 to at most 90 starts in any 10 s', async () => {
    const { gateway, hubspot, time } = testGateway({ per10s: 100 });
    const starts: number[] = [];
    hubspot
      .post('/crm/v3/objects/companies/batch/update')
      .times(120)
      .reply(async (request: Request) => {
        starts.push(time.now);
        const { inputs } = (await request.json()) as { inputs: { id: string }[] };
        return [200, { status: 'COMPLETE', results: inputs.map((i) => crmObject(i.id)) }];
      });
    const updates = Array.from({ length: 12_000 }, (_, i) => ({
      id: String(i),
      properties: { health_score: '50' },
    }));

    const result = await gateway.updateCompanies(updates);

    expect(result.updated).toHaveLength(12_000);
    expect(busiestWindow(starts, 10_000)).toBe(90);
    expect(time.now - START).toBe(10_000);
  });

  it('waits when HubSpot reports fewer calls remaining than its own count shows', async () => {
    const { gateway, hubspot, sleeps } = testGateway();
    hubspot
      .get('/crm/v3/properties/companies/groups')
      .reply(
        200,
        { results: [] },
        { 'X-HubSpot-RateLimit-Max': '100', 'X-HubSpot-RateLimit-Remaining': '5' },
      )
      .get('/crm/v3/properties/companies/groups')
      .reply(200, { results: [] });

    await gateway.listPropertyGroups('companies');
    await gateway.listPropertyGroups('companies');

    expect(sleeps).toEqual([10_000]);
  });

  it('warns once when HubSpot allows fewer calls than rateLimit.per10s says', async () => {
    const { gateway, hubspot, warnings } = testGateway({ per10s: 190 });
    hubspot
      .get('/crm/v3/properties/companies/groups')
      .times(2)
      .reply(200, { results: [] }, { 'X-HubSpot-RateLimit-Max': '100' });

    await gateway.listPropertyGroups('companies');
    await gateway.listPropertyGroups('companies');

    expect(warnings).toEqual([{ hubspotMax: 100, per10s: 190 }]);
  });

  it('stops at the configured daily budget without sending, until midnight', async () => {
    const { gateway, hubspot, time } = testGateway({ dailyLimit: 2 });
    hubspot.get('/crm/v3/properties/companies/groups').times(3).reply(200, { results: [] });

    await gateway.listPropertyGroups('companies');
    await gateway.listPropertyGroups('companies');
    const error = await gateway.listPropertyGroups('companies').catch((e) => e);
    time.now = Date.UTC(2026, 10, 24, 0, 0, 1);
    await gateway.listPropertyGroups('companies');

    expect(error).toBeInstanceOf(DailyLimitError);
    expect(error.resumeAt).toEqual(new Date('2026-11-24T00:00:00Z'));
    expect(error.message).toMatch(/daily budget of 2 HubSpot calls/);
    expect(gateway.apiCalls()).toEqual({ 'propertyGroups.list': 3 });
  });

  it('stops before the next call once HubSpot reports no daily calls remaining', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .get('/crm/v3/properties/companies/groups')
      .reply(200, { results: [] }, { 'X-HubSpot-RateLimit-Daily-Remaining': '0' });

    await gateway.listPropertyGroups('companies');
    const error = await gateway.listPropertyGroups('companies').catch((e) => e);

    expect(error).toBeInstanceOf(DailyLimitError);
    expect(gateway.apiCalls()).toEqual({ 'propertyGroups.list': 1 });
  });

  it('gives search its own budget of 5 per second, kept at 4', async () => {
    const { time, clock, sleep } = fakeTime();
    const limits = new RateLimits({
      per10s: 190,
      headroom: 0.9,
      timeZone: 'UTC',
      clock,
      sleep,
      warn: () => undefined,
    });
    const starts: number[] = [];

    for (let i = 0; i < 12; i++) {
      await limits.acquire('companies.search');
      starts.push(time.now);
    }

    expect(busiestWindow(starts, 1000)).toBe(4);
    expect(time.now).toBe(2000);
  });
});

describe('the rate budget shared by every process of the app', () => {
  /** A budget another process already spends from: `othersPerSecond` calls in each second. */
  function sharedBudget(othersPerSecond: number) {
    const seconds = new Map<number, number>();
    const taken: number[] = [];
    return {
      taken,
      budget: {
        take: async (_name: string, now: number, limit: number) => {
          const second = Math.floor(now / 1000);
          let recent = 0;
          for (let s = second - 9; s <= second; s++)
            recent += (seconds.get(s) ?? 0) + othersPerSecond;
          if (recent >= limit) return false;
          seconds.set(second, (seconds.get(second) ?? 0) + 1);
          taken.push(now);
          return true;
        },
      },
    };
  }

  it('waits for room in the shared budget after its own, so the processes together keep the limit', async () => {
    const { time, clock, sleep } = fakeTime();
    // The others spend 5 a second, 50 of the 90 a 10-second window allows: 40 are left here.
    const shared = sharedBudget(5);
    const limits = new RateLimits({
      per10s: 100,
      headroom: 0.9,
      timeZone: 'UTC',
      clock,
      sleep,
      warn: () => undefined,
      shared: shared.budget,
    });
    for (let i = 0; i < 60; i++) await limits.acquire('companies.batchRead');
    expect(shared.taken).toHaveLength(60);
    expect(busiestWindow(shared.taken, 10_000)).toBe(40);
    // Alone, its own limiter would have let all 60 go at once.
    expect(time.now).toBeGreaterThanOrEqual(10_000);
  });

  it('keeps going on its own limiter when the shared budget cannot be read, and says so once', async () => {
    const { clock, sleep } = fakeTime();
    const warnings: string[] = [];
    const limits = new RateLimits({
      per10s: 100,
      headroom: 0.9,
      timeZone: 'UTC',
      clock,
      sleep,
      warn: (_details, message) => warnings.push(message),
      shared: { take: () => Promise.reject(new Error('connection terminated')) },
    });
    for (let i = 0; i < 5; i++) await limits.acquire('companies.batchRead');
    expect(warnings).toEqual([
      'The shared rate budget could not be read; this process keeps to its own limiter until it restarts',
    ]);
  });
});
