import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/hubspot/create-gateway.ts';
import { expectStandardError, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

const UPDATE = '/crm/v3/objects/tasks/batch/update';
const DUE = '2026-12-01T09:00:00.000Z';
const PROPERTIES = 'hs_task_subject,hs_task_body,hs_task_status,hs_task_priority,hs_timestamp';
// An id in the task range that no task has: what a task deleted by a user looks like.
const GONE = '83000099999';

describe('updating tasks in the sandbox, through the gateway', () => {
  let t: TestSandbox;
  let gateway: Gateway;
  const read = async (id: string) =>
    (await t.get(`/crm/v3/objects/tasks/${id}?properties=${PROPERTIES}`)).body;
  /** The new tasks' ids in input order: HubSpot answers in any order, the trace ids tell. */
  const createTasks = async (count: number) => {
    const { created, errors } = await gateway.createTasks(
      Array.from({ length: count }, (_, i) => ({
        properties: {
          hs_timestamp: DUE,
          hs_task_subject: `Check-in ${i}`,
          hs_task_status: 'NOT_STARTED',
          hs_task_priority: 'LOW',
        },
        traceId: `input-${i}`,
      })),
    );
    expect(errors).toEqual([]);
    return Array.from(
      { length: count },
      (_, i) => created.find((task) => task.traceId === `input-${i}`)?.id,
    );
  };
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 3 });
    gateway = createGateway({ accessToken: t.sandbox.token, basePath: t.sandbox.url, per10s: 190 });
  });
  afterAll(() => t.close());

  it('writes status, priority, due date, subject and body, and reads them back', async () => {
    const [a, b] = (await createTasks(2)) as [string, string];

    const result = await gateway.updateTasks([
      {
        id: a,
        properties: {
          hs_task_status: 'COMPLETED',
          hs_task_priority: 'HIGH',
          hs_timestamp: String(Date.parse('2026-12-24T15:30:00.000Z')),
          hs_task_subject: 'Renewal call (done)',
          hs_task_body: '<p>Booked for January.</p>',
        },
      },
      { id: b, properties: { hs_task_status: 'IN_PROGRESS', hs_task_priority: 'NONE' } },
    ]);

    expect(result).toEqual({ updated: [{ id: a }, { id: b }], errors: [] });
    expect((await read(a)).properties).toMatchObject({
      hs_task_status: 'COMPLETED',
      hs_task_priority: 'HIGH',
      hs_timestamp: '2026-12-24T15:30:00.000Z',
      hs_task_subject: 'Renewal call (done)',
      hs_task_body: '<p>Booked for January.</p>',
    });
    expect((await read(b)).properties).toMatchObject({
      hs_task_status: 'IN_PROGRESS',
      hs_task_priority: 'NONE',
      hs_task_subject: 'Check-in 1',
    });
    expect(gateway.apiCalls()['tasks.batchUpdate']).toBe(1);
  });

  it('answers a bad status with HubSpot 400 for the whole batch, writing nothing', async () => {
    const [a, b] = (await createTasks(2)) as [string, string];

    const reply = await t.post(UPDATE, {
      inputs: [
        { id: a, properties: { hs_task_status: 'COMPLETED' } },
        { id: b, properties: { hs_task_status: 'DONE' } },
      ],
    });

    expectStandardError(reply, 400, 'VALIDATION_ERROR');
    expect(reply.body.message).toMatch(/^Property values were not valid: \[.*hs_task_status/);
    expect(reply.body.errors).toEqual([
      {
        message: expect.stringContaining('DONE was not one of the allowed options'),
        code: 'INVALID_OPTION',
        context: { propertyName: ['hs_task_status'] },
      },
    ]);
    expect((await read(a)).properties.hs_task_status).toBe('NOT_STARTED');
    const viaGateway = await gateway.updateTasks([
      { id: b, properties: { hs_timestamp: 'next tuesday' } },
    ]);
    expect(viaGateway.updated).toEqual([]);
    expect(viaGateway.errors).toEqual([
      { id: b, category: 'VALIDATION_ERROR', message: expect.stringContaining('hs_timestamp') },
    ]);
  });

  it('answers an unknown id with a 207 naming it, and updates the others', async () => {
    const [a] = (await createTasks(1)) as [string];

    const reply = await t.post(UPDATE, {
      inputs: [
        { id: a, properties: { hs_task_priority: 'MEDIUM' } },
        { id: GONE, properties: { hs_task_priority: 'MEDIUM' } },
      ],
    });

    expect(reply.status).toBe(207);
    expect(reply.body).toMatchObject({ status: 'COMPLETE', numErrors: 1, results: [{ id: a }] });
    expect(reply.body.errors[0]).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      context: { ids: [GONE] },
    });
    const before = gateway.apiCalls()['tasks.batchUpdate'] ?? 0;
    const result = await gateway.updateTasks([
      { id: GONE, properties: { hs_task_status: 'COMPLETED' } },
      { id: a, properties: { hs_task_status: 'COMPLETED' } },
    ]);
    expect(result.updated).toEqual([{ id: a }]);
    expect(result.errors).toEqual([
      { id: GONE, category: 'OBJECT_NOT_FOUND', message: expect.stringContaining('TASK') },
    ]);
    expect(gateway.apiCalls()['tasks.batchUpdate']).toBe(before + 1);
    expect((await read(a)).properties.hs_task_status).toBe('COMPLETED');
  });

  it('refuses 101 inputs, duplicate ids and read-only properties', async () => {
    const [a] = (await createTasks(1)) as [string];
    const many = Array.from({ length: 101 }, () => ({ id: a, properties: {} }));
    expectStandardError(await t.post(UPDATE, { inputs: many }), 400, 'VALIDATION_ERROR');
    const twice = [
      { id: a, properties: { hs_task_priority: 'LOW' } },
      { id: a, properties: { hs_task_priority: 'HIGH' } },
    ];
    expectStandardError(await t.post(UPDATE, { inputs: twice }), 400, 'VALIDATION_ERROR');
    const readOnly = await t.post(UPDATE, {
      inputs: [{ id: a, properties: { hs_createdate: DUE } }],
    });
    expectStandardError(readOnly, 400, 'VALIDATION_ERROR');
    expect(readOnly.body.errors[0].code).toBe('READ_ONLY_VALUE');
  });

  it('needs crm.objects.contacts.write, as creating tasks does', async () => {
    const narrow = await startTestSandbox({ companies: 1, scopes: ['crm.objects.contacts.read'] });
    try {
      const reply = await narrow.post(UPDATE, { inputs: [] });
      expectStandardError(reply, 403, 'MISSING_SCOPES');
      expect(reply.body.errors[0].context.requiredGranularScopes).toEqual([
        'crm.objects.contacts.write',
      ]);
    } finally {
      await narrow.close();
    }
  });
});
