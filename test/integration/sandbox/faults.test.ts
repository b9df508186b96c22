import { afterEach, describe, expect, it } from 'vitest';
import { expectStandardError, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

async function statuses(t: TestSandbox, count: number): Promise<number[]> {
  const result = [];
  for (let i = 0; i < count; i += 1) result.push((await t.get('/crm/v3/owners')).status);
  return result;
}

describe('sandbox fault knobs', () => {
  const started: TestSandbox[] = [];
  const start = async (options: Parameters<typeof startTestSandbox>[0]) => {
    const t = await startTestSandbox(options);
    started.push(t);
    return t;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((t) => t.close()));
  });

  it('fails about the configured share of requests with 5xx, the same ones for the same seed', async () => {
    const faults = { serverErrorRate: 0.3, serverErrorSeed: 7 };
    const a = await statuses(await start({ companies: 1, faults }), 80);
    const b = await statuses(await start({ companies: 1, faults }), 80);
    expect(a).toEqual(b);
    const failed = a.filter((status) => status >= 500);
    expect(failed.length).toBeGreaterThan(80 * 0.15);
    expect(failed.length).toBeLessThan(80 * 0.45);
    expect(new Set(failed).size).toBeGreaterThan(1);
  });

  it('answers an injected 5xx in the standard error shape and can be switched off at run time', async () => {
    const t = await start({ companies: 1, faults: { serverErrorRate: 1 } });
    const reply = await t.get('/crm/v3/owners');
    expectStandardError(reply, reply.status, 'INTERNAL_ERROR');
    expect(reply.status).toBeGreaterThanOrEqual(500);
    t.sandbox.setFaults({ serverErrorRate: 0 });
    expect(await statuses(t, 3)).toEqual([200, 200, 200]);
  });

  it('adds the configured latency to every answer', async () => {
    const t = await start({ companies: 1, faults: { latencyMs: 150 } });
    const began = performance.now();
    await t.get('/crm/v3/owners');
    expect(performance.now() - began).toBeGreaterThanOrEqual(140);
    t.sandbox.setFaults({ latencyMs: 0 });
    const fast = performance.now();
    await t.get('/crm/v3/owners');
    expect(performance.now() - fast).toBeLessThan(140);
  });
});
