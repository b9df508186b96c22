import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DEFAULTS } from '../../../src/sandbox/sandbox-defaults.ts';
import { SANDBOX_SCOPES } from '../../../src/sandbox/sandbox-scopes.ts';
import { expectStandardError, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

const PATH = '/account-info/v3/details';

describe('the sandbox account details (GET /account-info/v3/details)', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 1 });
  });
  afterAll(() => t.close());

  it('answers every field HubSpot documents, for a developer test portal in the US data centre', async () => {
    const reply = await t.get(PATH);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      portalId: SANDBOX_DEFAULTS.hubId,
      accountType: 'DEVELOPER_TEST',
      timeZone: 'UTC',
      companyCurrency: 'USD',
      additionalCurrencies: [],
      utcOffset: '+00:00',
      utcOffsetMilliseconds: 0,
      uiDomain: 'app.hubspot.com',
      dataHostingLocation: 'na1',
    });
  });

  it('gives the same portal id as token-info, as a number', async () => {
    const info = await t.post('/oauth/v2/private-apps/get/access-token-info', {
      tokenKey: t.sandbox.token,
    });
    expect((await t.get(PATH)).body.portalId).toBe(info.body.hubId);
  });

  it('answers 401 without the portal’s token', async () => {
    expectStandardError(await t.get(PATH, 'pat-na1-wrong'), 401, 'INVALID_AUTHENTICATION');
  });

  it('answers 403 MISSING_SCOPES naming oauth to a token without it', async () => {
    const narrow = await startTestSandbox({
      companies: 1,
      scopes: SANDBOX_SCOPES.filter((scope) => scope !== 'oauth'),
    });
    try {
      const reply = await narrow.get(PATH);
      expectStandardError(reply, 403, 'MISSING_SCOPES');
      expect(reply.body.errors[0].context.requiredGranularScopes).toEqual(['oauth']);
    } finally {
      await narrow.close();
    }
  });

  it('stands for a portal in the EU data centre when started with its UI domain', async () => {
    const eu = await startTestSandbox({ companies: 1, uiDomain: 'app-eu1.hubspot.com' });
    try {
      const reply = await eu.get(PATH);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        uiDomain: 'app-eu1.hubspot.com',
        dataHostingLocation: 'eu1',
        portalId: SANDBOX_DEFAULTS.hubId,
      });
    } finally {
      await eu.close();
    }
  });
});
