import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from '../../../src/hubspot/malformed-response-error.ts';
import { crmObject, interceptHubSpot, queryValues, testGateway } from './test-gateway.ts';

interceptHubSpot();

const LIST = '/crm/v3/objects/companies';

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe('companyPages', () => {
  it('pages the list endpoint to the end, 100 at a time, handing out each next cursor', async () => {
    const { gateway, hubspot } = testGateway();
    const paths: string[] = [];
    const page = (ids: string[], after?: string) => ({
      results: ids.map((id) => crmObject(id, { name: `Company ${id}`, domain: null })),
      ...(after ? { paging: { next: { after, link: `${LIST}?after=${after}` } } } : {}),
    });
    hubspot
      .get(LIST)
      .query(true)
      .times(3)
      .reply((request: Request) => {
        paths.push(request.url);
        const after = queryValues(request.url, 'after')[0];
        if (after === undefined) return [200, page(['1', '2'], 'c2')];
        return after === 'c2' ? [200, page(['3', '4'], 'c4')] : [200, page(['5'])];
      });

    const pages = await collect(gateway.companyPages({ properties: ['name', 'domain'] }));

    expect(pages.map((p) => [p.companies.map((c) => c.id), p.nextAfter])).toEqual([
      [['1', '2'], 'c2'],
      [['3', '4'], 'c4'],
      [['5'], null],
    ]);
    expect(pages[0]?.companies[0]).toEqual({
      id: '1',
      properties: { name: 'Company 1', domain: null },
    });
    expect(paths.map((p) => queryValues(p, 'after'))).toEqual([[], ['c2'], ['c4']]);
    expect(queryValues(paths[0] ?? '', 'limit')).toEqual(['100']);
    expect(queryValues(paths[0] ?? '', 'properties')).toEqual(['name', 'domain']);
    expect(gateway.apiCalls()).toEqual({ 'companies.list': 3 });
  });

  it('continues after a stored cursor', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .get(LIST)
      .query((q) => q.after === 'c4')
      .reply(200, { results: [crmObject('5')] });

    const pages = await collect(gateway.companyPages({ properties: [], after: 'c4' }));

    expect(pages).toEqual([{ companies: [{ id: '5', properties: {} }], nextAfter: null }]);
  });

  it('rejects a page whose records lack an id, naming the field, without retrying', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .get(LIST)
      .query(true)
      .reply(200, { results: [{ properties: { name: 'No id' } }] });

    const error = await collect(gateway.companyPages({ properties: ['name'] })).catch((e) => e);

    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.endpoint).toBe('companies.list');
    expect(error.issues).toEqual([expect.stringMatching(/^results\.0\.id: /)]);
    expect(gateway.apiCalls()).toEqual({ 'companies.list': 1 });
  });

  it('turns a body the client cannot even read into a MalformedResponseError', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.get(LIST).query(true).reply(200, { results: 5 });

    const error = await collect(gateway.companyPages({ properties: [] })).catch((e) => e);

    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toMatch(/companies\.list .*not iterable/);
  });

  it('stops when the server hands back the cursor it was given', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .get(LIST)
      .query(true)
      .reply(200, { results: [], paging: { next: { after: 'same' } } });

    const error = await collect(gateway.companyPages({ properties: [], after: 'same' })).catch(
      (e) => e,
    );

    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toMatch(/repeats the cursor same/);
  });
});
