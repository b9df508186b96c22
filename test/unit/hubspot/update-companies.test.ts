import { describe, expect, it } from 'vitest';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import { crmObject, hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const UPDATE = '/crm/v3/objects/companies/batch/update';

const updates = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: String(i + 1),
    properties: { health_score: '72' },
  }));

interface UpdateBody {
  inputs: { id: string; properties: Record<string, string> }[];
}

describe('updateCompanies', () => {
  it('keeps the successes of a 207 and gives each failed id its own error', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.post(UPDATE, { inputs: updates(3) }).reply(207, {
      status: 'COMPLETE',
      results: [crmObject('1', { health_score: '72' }), crmObject('3', { health_score: '72' })],
      numErrors: 1,
      errors: [
        hubspotError('OBJECT_NOT_FOUND', 'Could not get some COMPANY objects', {
          context: { ids: ['2'] },
        }),
      ],
    });

    const result = await gateway.updateCompanies(updates(3));

    expect(result).toEqual({
      updated: ['1', '3'],
      errors: [
        { id: '2', category: 'OBJECT_NOT_FOUND', message: 'Could not get some COMPANY objects' },
      ],
    });
  });

  it('sends 250 updates in 3 calls, and a batch HubSpot refuses fails alone', async () => {
    const { gateway, hubspot } = testGateway();
    const sizes: number[] = [];
    hubspot
      .post(UPDATE)
      .times(3)
      .reply(async (request: Request) => {
        const { inputs } = (await request.json()) as UpdateBody;
        sizes.push(inputs.length);
        if (sizes.length === 2) {
          return [400, hubspotError('VALIDATION_ERROR', 'Property values were not valid')];
        }
        return [200, { status: 'COMPLETE', results: inputs.map((i) => crmObject(i.id)) }];
      });

    const result = await gateway.updateCompanies(updates(250));

    expect(sizes).toEqual([100, 100, 50]);
    expect(result.updated).toHaveLength(150);
    expect(result.errors).toHaveLength(100);
    expect(result.errors[0]).toEqual({
      id: '101',
      status: 400,
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining('Property values were not valid'),
    });
    expect(gateway.apiCalls()).toEqual({ 'companies.batchUpdate': 3 });
  });

  it('throws failures that would hit every batch alike, such as a rejected token', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post(UPDATE)
      .reply(401, hubspotError('INVALID_AUTHENTICATION', 'Authentication failed'));

    const error = await gateway.updateCompanies(updates(150)).catch((e) => e);

    expect(error).toBeInstanceOf(HubSpotError);
    expect(error.status).toBe(401);
    expect(gateway.apiCalls()).toEqual({ 'companies.batchUpdate': 1 });
  });
});
