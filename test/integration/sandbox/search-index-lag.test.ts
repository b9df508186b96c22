import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/hubspot/create-gateway.ts';
import { searchIndexLag, writeLagMs } from '../../../src/sandbox/search-index-lag.ts';
import { startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

const LAG_MS = 400;
const DUE = '2026-12-01T09:00:00.000Z';

const byToken = (token: string) => ({
  filterGroups: [
    { filters: [{ propertyName: 'hs_task_subject', operator: 'CONTAINS_TOKEN', value: token }] },
  ],
  properties: ['hs_task_subject'],
});

describe('search sees a write only once the index has caught up with it', () => {
  let t: TestSandbox;
  let gateway: Gateway;
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 3, searchIndexLagMs: LAG_MS });
    gateway = createGateway({ accessToken: t.sandbox.token, basePath: t.sandbox.url, per10s: 190 });
  });
  afterAll(() => t.close());

  it('does not find a freshly created task before the lag, and finds it after', async () => {
    const marker = 'vitalsLagged0001';
    const { created } = await gateway.createTasks([
      { properties: { hs_timestamp: DUE, hs_task_body: `<p>Ref: ${marker}</p>` } },
    ]);
    const id = created[0]!.id;

    expect(await gateway.findTasksByMarker([marker])).toEqual(new Map());
    // Reads by id are not searches: the task is there at once.
    expect((await t.get(`/crm/v3/objects/tasks/${id}`)).status).toBe(200);

    await setTimeout(LAG_MS + 100);
    expect(await gateway.findTasksByMarker([marker])).toEqual(new Map([[marker, id]]));
  });

  it('shows an updated task with its earlier values until the update is indexed', async () => {
    const created = await t.post('/crm/v3/objects/tasks', {
      properties: { hs_timestamp: DUE, hs_task_subject: 'Call lagbefore' },
    });
    await setTimeout(LAG_MS + 100);
    await t.post('/crm/v3/objects/tasks/batch/update', {
      inputs: [{ id: created.body.id, properties: { hs_task_subject: 'Call lagafter' } }],
    });

    expect((await t.post('/crm/v3/objects/tasks/search', byToken('lagafter'))).body.total).toBe(0);
    const before = await t.post('/crm/v3/objects/tasks/search', byToken('lagbefore'));
    expect(before.body.results).toEqual([
      expect.objectContaining({
        id: created.body.id,
        properties: expect.objectContaining({ hs_task_subject: 'Call lagbefore' }),
      }),
    ]);

    await setTimeout(LAG_MS + 100);
    expect((await t.post('/crm/v3/objects/tasks/search', byToken('lagbefore'))).body.total).toBe(0);
    expect((await t.post('/crm/v3/objects/tasks/search', byToken('lagafter'))).body.total).toBe(1);
  });

  it('lags by default: a task created a moment ago is not searchable yet', async () => {
    const fresh = await startTestSandbox({ companies: 1 });
    try {
      await fresh.post('/crm/v3/objects/tasks', {
        properties: { hs_timestamp: DUE, hs_task_subject: 'Call lagdefault' },
      });
      const reply = await fresh.post('/crm/v3/objects/tasks/search', byToken('lagdefault'));
      expect(reply.body.total).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});

describe('searchIndexLag', () => {
  it('draws 2 to 5 s per write by default, the same for the same portal and write', () => {
    const lag = searchIndexLag(undefined, 7);
    expect(lag).toEqual({ minMs: 2000, maxMs: 5000, seed: 7 });
    const draws = Array.from({ length: 200 }, (_, seq) => writeLagMs(lag, seq));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...draws)).toBeLessThanOrEqual(5000);
    expect(new Set(draws).size).toBeGreaterThan(100);
    expect(Array.from({ length: 200 }, (_, seq) => writeLagMs(lag, seq))).toEqual(draws);
  });

  it('takes 0 (no lag), a fixed lag or a range, and refuses nonsense', () => {
    expect(searchIndexLag(0, 1)).toEqual({ minMs: 0, maxMs: 0, seed: 1 });
    expect(writeLagMs(searchIndexLag(250, 1), 12)).toBe(250);
    expect(searchIndexLag({ min: 10, max: 20 }, 1)).toMatchObject({ minMs: 10, maxMs: 20 });
    expect(() => searchIndexLag({ min: 20, max: 10 }, 1)).toThrow(/min ≤ max/);
    expect(() => searchIndexLag(-1, 1)).toThrow(/searchIndexLagMs/);
  });
});
