import { describe, expect, it } from 'vitest';
import { crmObject, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const SEARCH = '/crm/v3/objects/tasks/search';

interface SearchBody {
  filterGroups: { filters: { propertyName: string; operator: string; value: string }[] }[];
  sorts: unknown[];
  properties: string[];
  limit: number;
  after?: string;
}

describe('findOpenTasks', () => {
  it('asks for open tasks holding any of the tokens, and pages by id past the 10,000 a search stops at', async () => {
    const { gateway, hubspot } = testGateway();
    const bodies: SearchBody[] = [];
    const page = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => crmObject(String(from + i), { hs_task_body: 'x' }));
    hubspot
      .post(SEARCH)
      .times(2)
      .reply(async (request: Request) => {
        const body = (await request.json()) as SearchBody;
        bodies.push(body);
        return bodies.length === 1
          ? [200, { total: 201, results: page(1, 200), paging: { next: { after: '200' } } }]
          : [200, { total: 201, results: page(201, 1) }];
      });

    const found = await gateway.findOpenTasks(['VitalsTask', 'vt*']);

    expect(found.map((t) => t.id)).toEqual(Array.from({ length: 201 }, (_, i) => String(i + 1)));
    expect(bodies[0]!.filterGroups).toEqual(
      ['VitalsTask', 'vt*'].map((value) => ({
        filters: [
          { propertyName: 'hs_task_body', operator: 'CONTAINS_TOKEN', value },
          { propertyName: 'hs_task_status', operator: 'NEQ', value: 'COMPLETED' },
          { propertyName: 'hs_object_id', operator: 'GT', value: '0' },
        ],
      })),
    );
    expect(bodies[0]).toMatchObject({
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      limit: 200,
    });
    expect(bodies[0]!.after).toBeUndefined();
    expect(bodies[1]!.filterGroups[1]!.filters[2]).toEqual({
      propertyName: 'hs_object_id',
      operator: 'GT',
      value: '200',
    });
    expect(gateway.apiCalls()).toEqual({ 'tasks.search': 2 });
  });
});
