import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SCOPES } from '../../../src/sandbox/sandbox-scopes.ts';
import { expectStandardError, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

describe('sandbox authentication and scopes', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 3 });
  });
  afterAll(() => t.close());

  it('answers 401 INVALID_AUTHENTICATION without a bearer token', async () => {
    const res = await fetch(`${t.sandbox.url}/crm/v3/objects/companies`);
    const reply = { status: res.status, headers: res.headers, body: await res.json() };
    expectStandardError(reply, 401, 'INVALID_AUTHENTICATION');
    expect(res.headers.get('x-hubspot-ratelimit-max')).toBeNull();
  });

  it('answers 401 to a wrong token on every kind of endpoint', async () => {
    expectStandardError(
      await t.get('/crm/v3/owners', 'pat-na1-wrong'),
      401,
      'INVALID_AUTHENTICATION',
    );
    const batch = await t.post('/crm/v3/objects/companies/batch/read', { inputs: [] }, 'nope');
    expectStandardError(batch, 401, 'INVALID_AUTHENTICATION');
  });

  it('counts every request by method and route pattern, refused ones included', async () => {
    t.sandbox.resetRequestCount();
    await t.get('/crm/v3/objects/companies');
    await t.get('/crm/v3/objects/companies', 'wrong');
    await t.post('/crm/v4/associations/companies/contacts/batch/read', { inputs: [] });
    expect(t.sandbox.requestCount()).toEqual({
      'GET /crm/v3/objects/companies': 2,
      'POST /crm/v4/associations/:fromObjectType/:toObjectType/batch/read': 1,
    });
  });

  it('tells the token its hub, user and scopes', async () => {
    const reply = await t.post('/oauth/v2/private-apps/get/access-token-info', {
      tokenKey: t.sandbox.token,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      hubId: expect.any(Number),
      userId: expect.any(Number),
      appId: expect.any(Number),
    });
    expect(reply.body.scopes).toEqual(SANDBOX_SCOPES);
  });

  it('answers 403 MISSING_SCOPES naming the scope a narrower token lacks', async () => {
    const narrow = await startTestSandbox({ companies: 1, scopes: ['crm.objects.companies.read'] });
    try {
      expect((await narrow.get('/crm/v3/objects/companies')).status).toBe(200);
      const update = await narrow.post('/crm/v3/objects/companies/batch/update', { inputs: [] });
      expectStandardError(update, 403, 'MISSING_SCOPES');
      expect(update.body.errors[0].context.requiredGranularScopes).toEqual([
        'crm.objects.companies.write',
      ]);
      const info = await narrow.post('/oauth/v2/private-apps/get/access-token-info', {
        tokenKey: narrow.sandbox.token,
      });
      expect(info.body.scopes).toEqual(['crm.objects.companies.read']);
    } finally {
      await narrow.close();
    }
  });

  it('answers unknown paths with a 404 in the standard error shape', async () => {
    expectStandardError(await t.get('/crm/v3/objects/deals'), 404, 'OBJECT_NOT_FOUND');
  });
});
