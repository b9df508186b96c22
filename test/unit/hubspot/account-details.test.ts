import { describe, expect, it } from 'vitest';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import { MalformedResponseError } from '../../../src/hubspot/malformed-response-error.ts';
import { TOKEN, hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

/** GET /account-info/v3/details as HubSpot documents it: every field required. */
function details(overrides: object = {}) {
  return {
    portalId: 26_000_123,
    accountType: 'STANDARD',
    timeZone: 'Europe/Berlin',
    companyCurrency: 'EUR',
    additionalCurrencies: ['USD'],
    utcOffset: '+01:00',
    utcOffsetMilliseconds: 3_600_000,
    uiDomain: 'app-eu1.hubspot.com',
    dataHostingLocation: 'eu1',
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe('account details', () => {
  it("reads the portal's id, UI domain, data centre and time zone, with the token", async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .matchHeader('authorization', `Bearer ${TOKEN}`)
      .get('/account-info/v3/details')
      .reply(200, details());

    expect(await gateway.accountDetails()).toEqual({
      portalId: 26_000_123,
      uiDomain: 'app-eu1.hubspot.com',
      dataHostingLocation: 'eu1',
      timeZone: 'Europe/Berlin',
    });
    expect(gateway.apiCalls()).toEqual({ 'accountInfo.details': 1 });
  });

  it('takes a UI domain in capitals as the same host', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.get('/account-info/v3/details').reply(200, details({ uiDomain: 'APP.HubSpot.com' }));

    expect((await gateway.accountDetails()).uiDomain).toBe('app.hubspot.com');
  });

  it.each([
    'evil.example.com',
    'evilhubspot.com',
    'app.hubspot.com.evil.example',
    'https://app.hubspot.com',
    'app.hubspot.com/contacts',
    'app.hubspot.com:8443',
    '',
  ])('refuses %j as a UI domain, saying it is not a hubspot.com host', async (uiDomain) => {
    const { gateway, hubspot } = testGateway();
    hubspot.get('/account-info/v3/details').reply(200, details({ uiDomain }));

    const error = await failureOf(gateway.accountDetails());

    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as MalformedResponseError).issues).toEqual([
      `uiDomain: ${JSON.stringify(uiDomain)} is not a hubspot.com host name (like app.hubspot.com or app-eu1.hubspot.com), so no link is built on it`,
    ]);
    expect((error as Error).message).toContain('accountInfo.details');
  });

  it('calls an answer without a portal id malformed', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.get('/account-info/v3/details').reply(200, details({ portalId: undefined }));

    await expect(gateway.accountDetails()).rejects.toThrow(/portalId/);
  });

  it('passes on a refusal for a missing scope, with the scope HubSpot names', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.get('/account-info/v3/details').reply(
      403,
      hubspotError('MISSING_SCOPES', "This app hasn't been granted all required scopes", {
        errors: [{ context: { requiredGranularScopes: ['oauth'] } }],
      }),
    );

    const error = await failureOf(gateway.accountDetails());

    expect(error).toBeInstanceOf(HubSpotError);
    expect(error).toMatchObject({ status: 403, category: 'MISSING_SCOPES' });
  });
});
