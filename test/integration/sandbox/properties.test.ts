import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStandardError, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

const HEALTH_SCORE = {
  name: 'health_score',
  label: 'Health score',
  type: 'number',
  fieldType: 'number',
  groupName: 'customer_health',
};

describe('sandbox properties and groups', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 2 });
  });
  afterAll(() => t.close());

  it('lists every contract property of companies in HubSpot shape, and no health_* yet', async () => {
    const reply = await t.get('/crm/v3/properties/companies');
    const byName = new Map(reply.body.results.map((p: { name: string }) => [p.name, p]));
    for (const name of [
      'name',
      'domain',
      'mrr',
      'renewal_date',
      'customer_status',
      'roi_status',
      'notes_last_contacted',
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get('customer_status')).toMatchObject({
      type: 'enumeration',
      groupName: 'product_usage',
      options: [{ value: 'trial' }, { value: 'active' }, { value: 'churned' }],
      modificationMetadata: { readOnlyValue: false },
    });
    expect(byName.get('renewal_date')).toMatchObject({ type: 'date', fieldType: 'date' });
    expect([...byName.keys()].filter((name) => String(name).startsWith('health_'))).toEqual([]);
    const groups = await t.get('/crm/v3/properties/companies/groups');
    expect(groups.body.results.map((g: { name: string }) => g.name)).not.toContain(
      'customer_health',
    );
  });

  it('creates a group (201) once, then answers 409 CONFLICT', async () => {
    const group = { name: 'customer_health', label: 'Customer health' };
    const created = await t.post('/crm/v3/properties/companies/groups', group);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...group, archived: false });
    expectStandardError(
      await t.post('/crm/v3/properties/companies/groups', group),
      409,
      'CONFLICT',
    );
  });

  it('creates a property (201) once, then answers 409 CONFLICT', async () => {
    const created = await t.post('/crm/v3/properties/companies', HEALTH_SCORE);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...HEALTH_SCORE,
      options: [],
      createdAt: expect.any(String),
    });
    expectStandardError(
      await t.post('/crm/v3/properties/companies', HEALTH_SCORE),
      409,
      'CONFLICT',
    );
    const read = await t.get('/crm/v3/properties/companies/health_score');
    expect(read.body).toMatchObject(HEALTH_SCORE);
  });

  it('refuses malformed definitions with a 400', async () => {
    const cases = [
      { ...HEALTH_SCORE, name: 'health_a', fieldType: 'select' },
      { ...HEALTH_SCORE, name: 'health_b', type: 'decimal' },
      { ...HEALTH_SCORE, name: 'health_tier', type: 'enumeration', fieldType: 'select' },
      { ...HEALTH_SCORE, name: 'health_c', groupName: 'no_such_group' },
      { ...HEALTH_SCORE, name: 'Health Score' },
      { name: 'health_d', type: 'string', fieldType: 'text', groupName: 'customer_health' },
    ];
    for (const body of cases) {
      expectStandardError(
        await t.post('/crm/v3/properties/companies', body),
        400,
        'VALIDATION_ERROR',
      );
    }
  });

  it('accepts an enumeration with options, and values then follow them', async () => {
    const tier = {
      ...HEALTH_SCORE,
      name: 'health_tier',
      type: 'enumeration',
      fieldType: 'select',
      options: [
        { label: 'Healthy', value: 'healthy' },
        { label: 'At risk', value: 'at_risk' },
      ],
    };
    expect((await t.post('/crm/v3/properties/companies', tier)).status).toBe(201);
    const companies = await t.get('/crm/v3/objects/companies?limit=1');
    const id = companies.body.results[0].id;
    const update = (value: string) =>
      t.post('/crm/v3/objects/companies/batch/update', {
        inputs: [{ id, properties: { health_tier: value, health_score: 71.5 } }],
      });
    expectStandardError(await update('great'), 400, 'VALIDATION_ERROR');
    const ok = await update('at_risk');
    expect(ok.body.results[0].properties).toMatchObject({
      health_tier: 'at_risk',
      health_score: '71.5',
    });
  });

  it('answers 404 for a property that does not exist and 400 for an unknown object type', async () => {
    expectStandardError(await t.get('/crm/v3/properties/companies/nope'), 404, 'OBJECT_NOT_FOUND');
    expectStandardError(await t.get('/crm/v3/properties/widgets'), 400, 'VALIDATION_ERROR');
  });
});
