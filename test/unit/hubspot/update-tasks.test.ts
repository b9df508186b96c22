import { describe, expect, it } from 'vitest';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import { TOKEN, crmObject, hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const UPDATE = '/crm/v3/objects/tasks/batch/update';
const NOT_FOUND =
  'Could not get some TASK objects, they may be deleted or not exist. Check that ids are valid.';

const updates = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: String(i + 1),
    properties: { hs_task_status: 'COMPLETED' },
  }));

interface UpdateBody {
  inputs: { id: string; properties: Record<string, string> }[];
}

const allUpdated = (inputs: UpdateBody['inputs']) => ({
  status: 'COMPLETE',
  results: inputs.map((i) => crmObject(i.id, i.properties)),
});

describe('updateTasks', () => {
  it('sends 250 updates in 3 calls of at most 100, with the properties given', async () => {
    const { gateway, hubspot } = testGateway();
    const sizes: number[] = [];
    hubspot
      .post(UPDATE)
      .times(3)
      .reply(async (request: Request) => {
        const { inputs } = (await request.json()) as UpdateBody;
        sizes.push(inputs.length);
        expect(inputs[0]?.properties).toEqual({ hs_task_status: 'COMPLETED' });
        return [200, allUpdated(inputs)];
      });

    const result = await gateway.updateTasks(updates(250));

    expect(sizes).toEqual([100, 100, 50]);
    expect(result.updated).toHaveLength(250);
    expect(result.updated[0]).toEqual({ id: '1' });
    expect(result.errors).toEqual([]);
    expect(gateway.apiCalls()).toEqual({ 'tasks.batchUpdate': 3 });
  });

  it('keeps the successes of a 207 and gives each failed id its own error', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.post(UPDATE, { inputs: updates(3) }).reply(207, {
      status: 'COMPLETE',
      results: [crmObject('1'), crmObject('3')],
      numErrors: 1,
      errors: [hubspotError('OBJECT_NOT_FOUND', NOT_FOUND, { context: { ids: ['2'] } })],
    });

    const result = await gateway.updateTasks(updates(3));

    expect(result).toEqual({
      updated: [{ id: '1' }, { id: '3' }],
      errors: [{ id: '2', category: 'OBJECT_NOT_FOUND', message: NOT_FOUND }],
    });
  });

  it('halves a batch refused as a whole for a missing id until only that id fails', async () => {
    const { gateway, hubspot } = testGateway();
    const sent: number[] = [];
    hubspot
      .post(UPDATE)
      .times(20)
      .reply(async (request: Request) => {
        const { inputs } = (await request.json()) as UpdateBody;
        sent.push(inputs.length);
        if (inputs.some((i) => i.id === '7')) {
          return [404, hubspotError('OBJECT_NOT_FOUND', NOT_FOUND)];
        }
        return [200, allUpdated(inputs)];
      });

    const result = await gateway.updateTasks(updates(10));

    expect(result.updated.map((u) => u.id).sort((a, b) => Number(a) - Number(b))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '8',
      '9',
      '10',
    ]);
    expect(result.errors).toEqual([
      { id: '7', category: 'OBJECT_NOT_FOUND', message: expect.stringContaining('404') },
    ]);
    // Depth first: 1–10 ✗, 1–5 ✓, 6–10 ✗, 6–8 ✗, 6–7 ✗, 6 ✓, 7 ✗, 8 ✓, 9–10 ✓.
    expect(sent).toEqual([10, 5, 5, 3, 2, 1, 1, 1, 2]);
    expect(gateway.apiCalls()).toEqual({ 'tasks.batchUpdate': 9 });
  });

  it('gives every id of a batch refused for its values the error, without splitting it', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post(UPDATE)
      .reply(400, hubspotError('VALIDATION_ERROR', 'Property values were not valid'));

    const result = await gateway.updateTasks(updates(2));

    expect(result.updated).toEqual([]);
    expect(result.errors.map((e) => [e.id, e.category])).toEqual([
      ['1', 'VALIDATION_ERROR'],
      ['2', 'VALIDATION_ERROR'],
    ]);
    expect(gateway.apiCalls()).toEqual({ 'tasks.batchUpdate': 1 });
  });

  it('waits out a 429 and sends the batch again', async () => {
    const { gateway, hubspot, sleeps } = testGateway();
    hubspot
      .post(UPDATE)
      .reply(
        429,
        {
          status: 'error',
          message: 'You have reached your ten_secondly_rolling limit.',
          errorType: 'RATE_LIMIT',
          correlationId: 'c0ffee-429',
          policyName: 'TEN_SECONDLY_ROLLING',
        },
        { 'Retry-After': '2' },
      )
      .post(UPDATE)
      .reply(200, allUpdated(updates(2)));

    const result = await gateway.updateTasks(updates(2));

    expect(result.updated).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    expect(gateway.apiCalls()).toEqual({ 'tasks.batchUpdate': 2 });
  });

  it('resends after a 5xx, since writing the same values twice is harmless', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post(UPDATE)
      .reply(503, 'Service Unavailable')
      .post(UPDATE)
      .reply(200, allUpdated(updates(2)));

    const result = await gateway.updateTasks(updates(2));

    expect(result).toEqual({ updated: [{ id: '1' }, { id: '2' }], errors: [] });
    expect(gateway.apiCalls()).toEqual({ 'tasks.batchUpdate': 2 });
  });

  it('never shows the token, in a thrown error or in a per-id one', async () => {
    const { gateway, hubspot } = testGateway();
    const echo = `Bad request with header Authorization: Bearer ${TOKEN}`;
    hubspot
      .post(UPDATE)
      .reply(400, hubspotError('VALIDATION_ERROR', echo))
      .post(UPDATE)
      .reply(401, hubspotError('INVALID_AUTHENTICATION', `Bearer ${TOKEN} is expired`));

    const refused = await gateway.updateTasks(updates(1));
    const thrown = await gateway.updateTasks(updates(1)).catch((e) => e);

    expect(refused.errors[0]?.message).toContain('Bearer [redacted]');
    expect(JSON.stringify(refused)).not.toContain(TOKEN);
    expect(thrown).toBeInstanceOf(HubSpotError);
    expect(thrown.status).toBe(401);
    expect(
      JSON.stringify({ ...thrown, message: thrown.message, stack: thrown.stack }),
    ).not.toContain(TOKEN);
  });
});
