import { describe, expect, it } from 'vitest';
import { hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

describe('apiCalls', () => {
  it('counts every request by endpoint, retries and failures included', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .get('/crm/v3/properties/companies/groups')
      .reply(503)
      .get('/crm/v3/properties/companies/groups')
      .reply(200, { results: [] })
      .get('/crm/v3/properties/companies')
      .query(true)
      .reply(200, { results: [] })
      .get('/automation/v4/sequences/enrollments/contact/6')
      .reply(404, hubspotError('OBJECT_NOT_FOUND', 'No enrollment'));

    await gateway.listPropertyGroups('companies');
    await gateway.listProperties('companies');
    await gateway.currentEnrollment('6');

    expect(gateway.apiCalls()).toEqual({
      'properties.list': 1,
      'propertyGroups.list': 2,
      'sequences.enrollment': 1,
    });
  });

  it('starts at nothing', () => {
    expect(testGateway().gateway.apiCalls()).toEqual({});
  });
});
