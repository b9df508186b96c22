import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectStandardError,
  listAll,
  startTestSandbox,
  type TestSandbox,
} from './sandbox-fixture.ts';

const DUE = '2026-12-01T09:00:00.000Z';

function task(subject: string, companyId: string, extra: Record<string, unknown> = {}) {
  return {
    properties: {
      hs_timestamp: DUE,
      hs_task_subject: subject,
      hs_task_status: 'NOT_STARTED',
      ...extra,
    },
    associations: [
      {
        to: { id: companyId },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }],
      },
    ],
  };
}

describe('sandbox tasks', () => {
  let t: TestSandbox;
  let companyId: string;
  beforeAll(async () => {
    // Not about search's lag: every write is searchable at once.
    t = await startTestSandbox({ companies: 5, searchIndexLagMs: 0 });
    companyId = (await listAll(t, 'companies'))[0].id;
  });
  afterAll(() => t.close());

  it('refuses a task without hs_timestamp with a 400 VALIDATION_ERROR', async () => {
    const reply = await t.post('/crm/v3/objects/tasks', {
      properties: { hs_task_subject: 'Call them' },
    });
    expectStandardError(reply, 400, 'VALIDATION_ERROR');
    expect(reply.body.message).toContain('hs_timestamp');
  });

  it('creates a task (201) with its associations, readable from both sides', async () => {
    const reply = await t.post(
      '/crm/v3/objects/tasks',
      task('Renewal call', companyId, { hs_task_priority: 'HIGH' }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.properties).toMatchObject({
      hs_timestamp: DUE,
      hs_task_priority: 'HIGH',
      hs_object_id: reply.body.id,
    });
    const fromTask = await t.post('/crm/v4/associations/tasks/companies/batch/read', {
      inputs: [{ id: reply.body.id }],
    });
    expect(fromTask.body.results[0].to).toEqual([
      {
        toObjectId: Number(companyId),
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 192, label: null }],
      },
    ]);
    const fromCompany = await t.post('/crm/v4/associations/companies/tasks/batch/read', {
      inputs: [{ id: companyId }],
    });
    expect(fromCompany.body.results[0].to[0]).toMatchObject({ toObjectId: Number(reply.body.id) });
  });

  it('validates status, priority, type, owner and association types against HubSpot values', async () => {
    const bad = [
      task('x', companyId, { hs_task_status: 'DONE' }),
      task('x', companyId, { hs_task_priority: 'URGENT' }),
      task('x', companyId, { hs_task_type: 'MEETING' }),
      task('x', companyId, { hubspot_owner_id: '1' }),
      task('x', companyId, { hs_timestamp: 'next tuesday' }),
      {
        ...task('x', companyId),
        associations: [
          {
            to: { id: companyId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }],
          },
        ],
      },
      {
        ...task('x', companyId),
        associations: [
          {
            to: { id: companyId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 999 }],
          },
        ],
      },
    ];
    for (const body of bad)
      expectStandardError(await t.post('/crm/v3/objects/tasks', body), 400, 'VALIDATION_ERROR');
  });

  it('batch-creates up to 100 tasks (201) and refuses 101', async () => {
    const inputs = Array.from({ length: 3 }, (_, i) =>
      task(`Check-in ${i} vitals-key-${i}`, companyId),
    );
    const reply = await t.post('/crm/v3/objects/tasks/batch/create', { inputs });
    expect(reply.status).toBe(201);
    expect(reply.body.status).toBe('COMPLETE');
    expect(reply.body.results).toHaveLength(3);
    const tooMany = Array.from({ length: 101 }, () => task('x', companyId));
    expectStandardError(
      await t.post('/crm/v3/objects/tasks/batch/create', { inputs: tooMany }),
      400,
      'VALIDATION_ERROR',
    );
  });

  it('finds tasks again by search with EQ and CONTAINS_TOKEN, and lists them', async () => {
    const search = (filter: object) =>
      t.post('/crm/v3/objects/tasks/search', {
        filterGroups: [{ filters: [filter] }],
        properties: ['hs_task_subject'],
      });
    const token = await search({
      propertyName: 'hs_task_subject',
      operator: 'CONTAINS_TOKEN',
      value: 'vitals-key-1',
    });
    expect(token.status).toBe(200);
    expect(token.body.total).toBe(1);
    expect(token.body.results[0].properties.hs_task_subject).toBe('Check-in 1 vitals-key-1');
    const eq = await search({
      propertyName: 'hs_task_subject',
      operator: 'EQ',
      value: 'Renewal call',
    });
    expect(eq.body.total).toBe(1);
    const list = await t.get('/crm/v3/objects/tasks?properties=hs_task_subject');
    expect(list.body.results).toHaveLength(4);
  });

  it('echoes each input’s objectWriteTraceId, with the results out of input order', async () => {
    const inputs = Array.from({ length: 6 }, (_, i) => ({
      ...task(`Traced ${i}`, companyId),
      objectWriteTraceId: `trace-${i}`,
    }));
    const reply = await t.post('/crm/v3/objects/tasks/batch/create', { inputs });
    expect(reply.status).toBe(201);
    const results: { objectWriteTraceId: string; properties: Record<string, string> }[] =
      reply.body.results;
    const traces = results.map((r) => r.objectWriteTraceId);
    expect(traces).not.toEqual(inputs.map((input) => input.objectWriteTraceId));
    expect([...traces].sort()).toEqual(inputs.map((input) => input.objectWriteTraceId));
    for (const result of results) {
      expect(result.properties.hs_task_subject).toBe(
        `Traced ${result.objectWriteTraceId.replace('trace-', '')}`,
      );
    }
  });
});
