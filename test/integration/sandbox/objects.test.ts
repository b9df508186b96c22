import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectStandardError,
  listAll,
  startTestSandbox,
  type TestSandbox,
} from './sandbox-fixture.ts';

const ids = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => ({ id: String(from + i) }));

describe('sandbox CRM objects', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 25 });
  });
  afterAll(() => t.close());

  it('pages companies in id order and leaves paging.next off the last page', async () => {
    const pages = [];
    let after: string | undefined;
    do {
      const reply = await t.get(
        `/crm/v3/objects/companies?limit=10${after ? `&after=${after}` : ''}`,
      );
      expect(reply.status).toBe(200);
      pages.push(reply.body);
      after = reply.body.paging?.next?.after;
      if (after) expect(reply.body.paging.next.link).toContain(`after=${after}`);
    } while (after);
    expect(pages.map((page) => page.results.length)).toEqual([10, 10, 5]);
    expect(pages[2].paging).toBeUndefined();
    const all = pages.flatMap((page) => page.results.map((r: { id: string }) => Number(r.id)));
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(new Set(all).size).toBe(25);
  });

  it('refuses a page over 100 with a 400 VALIDATION_ERROR', async () => {
    expectStandardError(
      await t.get('/crm/v3/objects/companies?limit=101'),
      400,
      'VALIDATION_ERROR',
    );
    expect((await t.get('/crm/v3/objects/companies?limit=100')).status).toBe(200);
  });

  it('returns asked-for properties as strings or null, never unknown names', async () => {
    const reply = await t.get(
      '/crm/v3/objects/companies?limit=25&properties=mrr,renewal_date,goal_status,no_such_thing',
    );
    for (const company of reply.body.results) {
      expect(Object.keys(company.properties).sort()).toEqual([
        'createdate',
        'goal_status',
        'hs_lastmodifieddate',
        'hs_object_id',
        'mrr',
        'renewal_date',
      ]);
      expect(company.properties.mrr).toMatch(/^\d+$/);
      expect(company.properties.renewal_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(company).toMatchObject({ id: company.properties.hs_object_id, archived: false });
    }
    expect(
      reply.body.results.some((c: { properties: object }) =>
        Object.values(c.properties).includes(null),
      ),
    ).toBe(true);
  });

  it('caps batch read and update at 100 inputs', async () => {
    const read = await t.post('/crm/v3/objects/companies/batch/read', { inputs: ids(101) });
    expectStandardError(read, 400, 'VALIDATION_ERROR');
    const update = await t.post('/crm/v3/objects/companies/batch/update', {
      inputs: ids(101).map(({ id }) => ({ id, properties: { mrr: '1' } })),
    });
    expectStandardError(update, 400, 'VALIDATION_ERROR');
    const contacts = await t.post('/crm/v3/objects/contacts/batch/read', { inputs: ids(101) });
    expectStandardError(contacts, 400, 'VALIDATION_ERROR');
  });

  it('caps a batch read that asks for property history at 50 inputs, as HubSpot does', async () => {
    const companies = await listAll(t, 'companies');
    const inputs = [...companies, ...companies, ...companies]
      .slice(0, 51)
      .map((c: { id: string }) => ({ id: c.id }));
    const over = await t.post('/crm/v3/objects/companies/batch/read', {
      inputs,
      properties: ['product_usage_depth'],
      propertiesWithHistory: ['product_usage_depth'],
    });
    expectStandardError(over, 400, 'VALIDATION_ERROR');
    expect(over.body.message).toContain(
      'The maximum number of inputs supported in a batch request for property histories is 50',
    );
    // Without history the same 51 are fine, and with it 50 are.
    expect(
      (await t.post('/crm/v3/objects/companies/batch/read', { inputs, properties: ['name'] }))
        .status,
    ).toBe(200);
    const ok = await t.post('/crm/v3/objects/companies/batch/read', {
      inputs: inputs.slice(0, 50),
      properties: ['product_usage_depth'],
      propertiesWithHistory: ['product_usage_depth'],
    });
    expect(ok.status).toBe(200);
    // The seeded usage history: newest first, the newest being the value the record holds.
    const withHistory = ok.body.results.filter(
      (r: { propertiesWithHistory?: Record<string, unknown[]> }) =>
        (r.propertiesWithHistory?.product_usage_depth?.length ?? 0) > 1,
    );
    expect(withHistory.length).toBeGreaterThan(0);
    for (const r of withHistory) {
      const versions = r.propertiesWithHistory.product_usage_depth as {
        value: string;
        timestamp: string;
        sourceType: string;
      }[];
      expect(versions[0]!.value).toBe(r.properties.product_usage_depth);
      const times = versions.map((v) => v.timestamp);
      expect(times).toEqual([...times].sort().reverse());
      expect(versions.every((v) => v.sourceType === 'INTEGRATION')).toBe(true);
    }
  });

  it('answers 207 with an OBJECT_NOT_FOUND error for ids that do not exist', async () => {
    const [company] = await listAll(t, 'companies');
    const reply = await t.post('/crm/v3/objects/companies/batch/read', {
      inputs: [{ id: company.id }, { id: '12345' }],
      properties: ['name'],
    });
    expect(reply.status).toBe(207);
    expect(reply.body).toMatchObject({
      status: 'COMPLETE',
      numErrors: 1,
      results: [{ id: company.id }],
    });
    expect(reply.body.errors[0]).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      context: { ids: ['12345'] },
    });
  });

  it('updates companies and names an unknown property in a 400 without writing anything', async () => {
    const [a, b] = await listAll(t, 'companies');
    const bad = await t.post('/crm/v3/objects/companies/batch/update', {
      inputs: [
        { id: a.id, properties: { mrr: 777 } },
        { id: b.id, properties: { health_score: '80' } },
      ],
    });
    expectStandardError(bad, 400, 'VALIDATION_ERROR');
    expect(bad.body.message).toContain('health_score');
    expect(bad.body.errors[0]).toMatchObject({
      code: 'PROPERTY_DOESNT_EXIST',
      context: { propertyName: ['health_score'] },
    });
    const wrongType = await t.post('/crm/v3/objects/companies/batch/update', {
      inputs: [{ id: a.id, properties: { mrr: true } }],
    });
    expectStandardError(wrongType, 400, 'VALIDATION_ERROR');
    const ok = await t.post('/crm/v3/objects/companies/batch/update', {
      inputs: [{ id: a.id, properties: { mrr: 777, customer_status: 'active' } }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.results[0].properties).toMatchObject({ mrr: '777', customer_status: 'active' });
    const read = await t.post('/crm/v3/objects/companies/batch/read', {
      inputs: [{ id: a.id }],
      properties: ['mrr'],
    });
    expect(read.body.results[0].properties.mrr).toBe('777');
  });

  it('reads company-contact associations in the v4 shape, both ways', async () => {
    const [company] = await listAll(t, 'companies', ['num_associated_contacts']);
    const reply = await t.post('/crm/v4/associations/companies/contacts/batch/read', {
      inputs: [{ id: company.id }],
    });
    expect(reply.status).toBe(200);
    const [result] = reply.body.results;
    expect(result.from).toEqual({ id: company.id });
    expect(result.to).toHaveLength(Number(company.properties.num_associated_contacts));
    expect(result.to[0].associationTypes).toContainEqual({
      category: 'HUBSPOT_DEFINED',
      typeId: 280,
      label: null,
    });
    const back = await t.post('/crm/v4/associations/contacts/companies/batch/read', {
      inputs: [{ id: String(result.to[0].toObjectId) }],
    });
    expect(back.body.results[0].to[0]).toMatchObject({ toObjectId: Number(company.id) });
    expect(
      back.body.results[0].to[0].associationTypes.map((type: { typeId: number }) => type.typeId),
    ).toEqual([279, 1]);
  });

  it('caps association reads at 1,000 inputs and reports ids without associations in a 207', async () => {
    const over = await t.post('/crm/v4/associations/companies/contacts/batch/read', {
      inputs: ids(1001),
    });
    expectStandardError(over, 400, 'VALIDATION_ERROR');
    const none = await t.post('/crm/v4/associations/companies/contacts/batch/read', {
      inputs: ids(2),
    });
    expect(none.status).toBe(207);
    expect(none.body.errors[0].subCategory).toBe('crm.associations.NO_ASSOCIATIONS_FOUND');
  });

  it('answers a malformed JSON body with a 400 VALIDATION_ERROR', async () => {
    const res = await fetch(`${t.sandbox.url}/crm/v3/objects/companies/batch/read`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.sandbox.token}`, 'content-type': 'application/json' },
      body: '{"inputs": [',
    });
    expectStandardError(
      { status: res.status, headers: res.headers, body: await res.json() },
      400,
      'VALIDATION_ERROR',
    );
  });

  it('lists 6 to 10 owners in HubSpot owner shape', async () => {
    const reply = await t.get('/crm/v3/owners');
    expect(reply.body.results.length).toBeGreaterThanOrEqual(6);
    expect(reply.body.results.length).toBeLessThanOrEqual(10);
    expect(reply.body.results[0]).toMatchObject({
      id: expect.any(String),
      email: expect.any(String),
      userId: expect.any(Number),
    });
  });
});
