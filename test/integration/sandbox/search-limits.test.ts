import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStandardError, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

/** A search call, waited for past HubSpot's 5 searches a second (rate-limits.test.ts). */
async function search(t: TestSandbox, body: object) {
  for (;;) {
    const reply = await t.post('/crm/v3/objects/tasks/search', body);
    if (reply.status !== 429) return reply;
    await setTimeout(1000);
  }
}

describe('sandbox search limits, as HubSpot applies them', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 1 });
  });
  afterAll(() => t.close());

  it('refuses search pages over 200 and paging past 10,000 results', async () => {
    const over = await search(t, { limit: 201 });
    expectStandardError(over, 400, 'VALIDATION_ERROR');
    expect(over.body.errors).toEqual([expect.objectContaining({ in: 'limit' })]);
    const last = await search(t, { limit: 200, after: '9800' });
    expect(last.status).toBe(200);
    for (const after of ['9950', '10000']) {
      const deep = await search(t, { limit: 100, after });
      expectStandardError(deep, 400, 'VALIDATION_ERROR');
      expect(deep.body.errors).toEqual([expect.objectContaining({ in: 'after' })]);
    }
  });

  it('takes 5 filterGroups of up to 6 filters, 18 in all, and refuses more with a 400', async () => {
    const filter = { propertyName: 'hs_task_subject', operator: 'HAS_PROPERTY' };
    const groups = (count: number, size: number) =>
      Array.from({ length: count }, () => ({ filters: Array(size).fill(filter) }));
    const grouped = (filterGroups: object[]) => search(t, { filterGroups });
    expect((await grouped(groups(5, 3))).status).toBe(200);
    expect((await grouped([...groups(2, 6), ...groups(1, 6)])).status).toBe(200);
    const refusals = [
      [groups(6, 1), 'filterGroups'],
      [groups(1, 7), 'filterGroups[0].filters'],
      [groups(4, 5), 'filterGroups'],
    ] as const;
    for (const [filterGroups, field] of refusals) {
      const reply = await grouped([...filterGroups]);
      expectStandardError(reply, 400, 'VALIDATION_ERROR');
      expect(reply.body.errors).toEqual([{ message: reply.body.message, in: field }]);
    }
  });
});
