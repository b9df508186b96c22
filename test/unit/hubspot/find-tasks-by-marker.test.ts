import { describe, expect, it } from 'vitest';
import { START, crmObject, hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const SEARCH = '/crm/v3/objects/tasks/search';
const marker = (n: number) => `vitals${String(n).padStart(12, '0')}`;
const markers = (count: number) => Array.from({ length: count }, (_, i) => marker(i));

interface SearchBody {
  filterGroups: { filters: { propertyName: string; operator: string; value: string }[] }[];
  properties: string[];
  limit: number;
  after?: string;
}

/** A task whose body carries the marker, as HubSpot's search returns it. */
function task(id: string, body: string, created = '2026-11-20T10:00:00.000Z') {
  return crmObject(id, { hs_task_body: body, hs_createdate: created, hs_object_id: id });
}

describe('findTasksByMarker', () => {
  it('asks for at most 5 markers a search, one CONTAINS_TOKEN filterGroup each (OR)', async () => {
    const { gateway, hubspot } = testGateway();
    const bodies: SearchBody[] = [];
    hubspot
      .post(SEARCH)
      .times(3)
      .reply(async (request: Request) => {
        const body = (await request.json()) as SearchBody;
        bodies.push(body);
        const results = body.filterGroups.map((group) => {
          const value = group.filters[0]!.value;
          return task(`9${value.slice(-4)}`, `<p>Call them.</p><p>ref ${value}</p>`);
        });
        return [200, { total: results.length, results }];
      });

    const found = await gateway.findTasksByMarker([...markers(12), marker(3)]);

    expect(bodies.map((b) => b.filterGroups.length)).toEqual([5, 5, 2]);
    expect(bodies[0]).toEqual({
      filterGroups: markers(5).map((value) => ({
        filters: [{ propertyName: 'hs_task_body', operator: 'CONTAINS_TOKEN', value }],
      })),
      properties: ['hs_task_body', 'hs_createdate'],
      limit: 200,
    });
    expect(found.size).toBe(12);
    expect(found.get(marker(11))).toBe('90011');
    expect(gateway.apiCalls()).toEqual({ 'tasks.search': 3 });
  });

  it('keeps only tasks whose body has the marker as a whole token; the oldest of duplicates', async () => {
    const { gateway, hubspot } = testGateway();
    const [a, b, c] = markers(3) as [string, string, string];
    hubspot.post(SEARCH).reply(200, {
      total: 5,
      results: [
        task('31', `Follow up ${a}`, '2026-11-21T09:00:00.000Z'),
        task('30', `Follow up ${a.toUpperCase()}`, '2026-11-20T09:00:00.000Z'),
        // Not the token itself: a longer word that merely starts with it.
        task('40', `Follow up ${b}x`),
        task('50', `${c}&nbsp;follow up`),
        { ...task('60', 'no marker here'), properties: { hs_task_body: null } },
      ],
    });

    const found = await gateway.findTasksByMarker([a, b, c]);

    expect(found).toEqual(
      new Map([
        [a, '30'],
        [c, '50'],
      ]),
    );
  });

  it('follows paging.next.after until the last page', async () => {
    const { gateway, hubspot } = testGateway();
    const afters: (string | undefined)[] = [];
    hubspot
      .post(SEARCH)
      .times(2)
      .reply(async (request: Request) => {
        const body = (await request.json()) as SearchBody;
        afters.push(body.after);
        return body.after === undefined
          ? [200, { total: 2, results: [task('1', marker(0))], paging: { next: { after: '1' } } }]
          : [200, { total: 2, results: [task('2', marker(1))] }];
      });

    const found = await gateway.findTasksByMarker(markers(2));

    expect(afters).toEqual([undefined, '1']);
    expect(found).toEqual(
      new Map([
        [marker(0), '1'],
        [marker(1), '2'],
      ]),
    );
  });

  it('draws on the search budget: 4 searches a second', async () => {
    const { gateway, hubspot, time } = testGateway();
    const startedAt: number[] = [];
    hubspot
      .post(SEARCH)
      .times(6)
      .reply(() => {
        startedAt.push(time.now);
        return [200, { total: 0, results: [] }];
      });

    expect(await gateway.findTasksByMarker(markers(30))).toEqual(new Map());

    expect(gateway.apiCalls()).toEqual({ 'tasks.search': 6 });
    expect(startedAt[3]! - START).toBeLessThan(1000);
    expect(startedAt[4]! - START).toBeGreaterThanOrEqual(1000);
  });

  it('resends a search after a 5xx, as search changes nothing', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post(SEARCH)
      .reply(502, hubspotError('SERVER_ERROR', 'Bad gateway'))
      .post(SEARCH)
      .reply(200, { total: 1, results: [task('7', marker(0))] });

    expect(await gateway.findTasksByMarker(markers(1))).toEqual(new Map([[marker(0), '7']]));
    expect(gateway.apiCalls()).toEqual({ 'tasks.search': 2 });
  });

  it('refuses markers the tokenizer would split, before any call', async () => {
    const { gateway } = testGateway();
    await expect(gateway.findTasksByMarker(['vitals-7f3a9c2e'])).rejects.toThrow(RangeError);
    await expect(gateway.findTasksByMarker(['abc'])).rejects.toThrow(/8 to 100 letters/);
    expect(await gateway.findTasksByMarker([])).toEqual(new Map());
    expect(gateway.apiCalls()).toEqual({});
  });

  it('rejects a search answer without results', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.post(SEARCH).reply(200, { total: 0 });
    await expect(gateway.findTasksByMarker(markers(1))).rejects.toMatchObject({
      name: 'MalformedResponseError',
      endpoint: 'tasks.search',
    });
  });
  it('stays within search limits: never asks for a page past HubSpot’s 10,000 results', async () => {
    const { gateway, hubspot } = testGateway();
    const asked: number[] = [];
    hubspot
      .post(SEARCH)
      .times(60)
      .reply(async (request: Request) => {
        const body = (await request.json()) as SearchBody;
        const after = Number(body.after ?? 0);
        asked.push(after + body.limit);
        if (after + body.limit > 10_000) return [400, hubspotError('VALIDATION_ERROR', 'Too deep')];
        const results = Array.from({ length: body.limit }, (_, i) => task(`${after + i}`, 'x'));
        return [
          200,
          { total: 20_000, results, paging: { next: { after: String(after + body.limit) } } },
        ];
      });

    await expect(gateway.findTasksByMarker([marker(1)])).rejects.toThrow(/still paging/);

    expect(Math.max(...asked)).toBe(10_000);
    expect(asked).toHaveLength(50);
  });
});
