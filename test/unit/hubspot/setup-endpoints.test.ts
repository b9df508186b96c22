import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../../src/hubspot/create-gateway.ts';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import { TOKEN, hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const property = {
  name: 'health_score',
  label: 'Health score',
  type: 'number',
  fieldType: 'number',
  groupName: 'customer_health',
  description: '',
  options: [],
  hidden: false,
  formField: false,
};

describe('setup endpoints', () => {
  it('talks to api.hubapi.com with the bearer token when no basePath is given', async () => {
    const gateway = createGateway({ accessToken: TOKEN, per10s: 190 });
    const scope = nock('https://api.hubapi.com', {
      reqheaders: { authorization: `Bearer ${TOKEN}` },
    })
      .get('/crm/v3/properties/companies')
      .query({ archived: 'false' })
      .reply(200, { results: [property] });

    const properties = await gateway.listProperties('companies');

    expect(properties).toEqual([
      {
        name: 'health_score',
        label: 'Health score',
        type: 'number',
        fieldType: 'number',
        groupName: 'customer_health',
        options: [],
      },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('creates a property, and takes a 409 CONFLICT as "it is there already"', async () => {
    const { gateway, hubspot } = testGateway();
    const definition = {
      name: 'health_tier',
      label: 'Health tier',
      type: 'enumeration' as const,
      fieldType: 'select' as const,
      groupName: 'customer_health',
      options: [{ label: 'Healthy', value: 'healthy' }],
    };
    hubspot
      .post('/crm/v3/properties/companies', {
        ...definition,
        options: [{ label: 'Healthy', value: 'healthy', hidden: false }],
      })
      .reply(201, { ...property, ...definition })
      .post('/crm/v3/properties/companies')
      .reply(409, hubspotError('CONFLICT', 'Property named health_tier already exists.'));

    const created = await gateway.createProperty('companies', definition);
    const again = await gateway.createProperty('companies', definition);

    expect(created?.name).toBe('health_tier');
    expect(again).toBeNull();
  });

  it('still fails on a property HubSpot refuses for another reason', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post('/crm/v3/properties/companies')
      .reply(400, hubspotError('VALIDATION_ERROR', 'groupName customer_health does not exist.'));
    const error = await gateway
      .createProperty('companies', {
        name: 'health_score',
        label: 'Health score',
        type: 'number',
        fieldType: 'number',
        groupName: 'customer_health',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotError);
    expect(error).toMatchObject({ status: 400, category: 'VALIDATION_ERROR' });
  });

  it('lists and creates property groups', async () => {
    const { gateway, hubspot } = testGateway();
    const group = { name: 'customer_health', label: 'Customer health', displayOrder: -1 };
    hubspot
      .get('/crm/v3/properties/companies/groups')
      .reply(200, { results: [{ ...group, archived: false }] })
      .post('/crm/v3/properties/companies/groups', group)
      .reply(201, { ...group, archived: false });

    expect(await gateway.listPropertyGroups('companies')).toEqual([group]);
    expect(await gateway.createPropertyGroup('companies', group)).toEqual(group);
  });

  it('takes a 409 on a group create as "it is there already", and sends it once', async () => {
    const { gateway, hubspot } = testGateway();
    const group = { name: 'customer_health', label: 'Customer health', displayOrder: -1 };
    const scope = hubspot
      .post('/crm/v3/properties/companies/groups', group)
      .reply(
        409,
        hubspotError('CONFLICT', 'A property group named customer_health already exists.'),
      );

    expect(await gateway.createPropertyGroup('companies', group)).toBeNull();
    expect(scope.isDone()).toBe(true);
  });

  it('pages through owners and gives their user ids as strings', async () => {
    const { gateway, hubspot } = testGateway();
    const owner = (id: string, userId?: number) => ({
      id,
      email: `${id}@example.com`,
      firstName: 'Ana',
      lastName: null,
      userId,
      type: 'PERSON',
      archived: false,
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
    });
    hubspot
      .get('/crm/v3/owners/')
      .query({ limit: '100', archived: 'false' })
      .reply(200, { results: [owner('1', 11)], paging: { next: { after: '1' } } })
      .get('/crm/v3/owners/')
      .query({ limit: '100', archived: 'false', after: '1' })
      .reply(200, { results: [owner('2')] });

    const owners = await gateway.listOwners();

    expect(owners.map((o) => [o.id, o.userId, o.lastName])).toEqual([
      ['1', '11', null],
      ['2', undefined, null],
    ]);
  });

  it("reads the token's scopes", async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post('/oauth/v2/private-apps/get/access-token-info', { tokenKey: TOKEN })
      .reply(200, { userId: 1, hubId: 2, appId: 3, scopes: ['crm.objects.companies.read'] });

    expect(await gateway.tokenScopes()).toEqual(['crm.objects.companies.read']);
  });

  it('reads the portal the token belongs to, as a string', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post('/oauth/v2/private-apps/get/access-token-info', { tokenKey: TOKEN })
      .reply(200, { userId: 1, hubId: 48000001, appId: 3, scopes: [] });

    expect(await gateway.tokenInfo()).toEqual({ hubId: '48000001', scopes: [] });
  });

  it('calls an answer without a hubId malformed instead of keying the store by nothing', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post('/oauth/v2/private-apps/get/access-token-info', { tokenKey: TOKEN })
      .reply(200, { userId: 1, appId: 3, scopes: [] });

    await expect(gateway.tokenInfo()).rejects.toThrow(/hubId/);
  });
});
