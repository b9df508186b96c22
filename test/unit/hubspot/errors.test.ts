import { describe, expect, it } from 'vitest';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import { TOKEN, hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const GROUPS = '/crm/v3/properties/companies/groups';

describe('HubSpot errors', () => {
  it('says to check HUBSPOT_ACCESS_TOKEN on a 401, never shows the token, and does not retry', async () => {
    const { gateway, hubspot, warnings } = testGateway();
    hubspot
      .get(GROUPS)
      .reply(
        401,
        hubspotError(
          'INVALID_AUTHENTICATION',
          `Authentication credentials not found: Bearer ${TOKEN} is expired`,
        ),
      );

    const error = await gateway.listPropertyGroups('companies').catch((e) => e);

    expect(error).toBeInstanceOf(HubSpotError);
    expect(error).toMatchObject({
      status: 401,
      category: 'INVALID_AUTHENTICATION',
      correlationId: 'c0ffee-1234',
      attempts: 1,
    });
    expect(error.message).toMatch(/Check HUBSPOT_ACCESS_TOKEN/);
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(
      TOKEN,
    );
    expect(JSON.stringify(warnings)).not.toContain(TOKEN);
  });

  it('removes the token from any message, even one a server echoes back', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.get(GROUPS).reply(400, `Bad request with header Authorization: Bearer ${TOKEN}`, {
      'Content-Type': 'text/plain',
    });

    const error = await gateway.listPropertyGroups('companies').catch((e) => e);

    expect(error.message).toContain('Bearer [redacted]');
    expect(error.message).not.toContain(TOKEN);
  });

  it('names the scopes to add on a 403 MISSING_SCOPES', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.get(GROUPS).reply(
      403,
      hubspotError('MISSING_SCOPES', "This app hasn't been granted all required scopes.", {
        errors: [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredGranularScopes: ['crm.schemas.companies.read'] },
          },
        ],
      }),
    );

    const error = await gateway.listPropertyGroups('companies').catch((e) => e);

    expect(error).toMatchObject({
      status: 403,
      category: 'MISSING_SCOPES',
      missingScopes: ['crm.schemas.companies.read'],
    });
    expect(error.message).toMatch(
      /lacks the scope crm\.schemas\.companies\.read needed for propertyGroups\.list\. Add it/,
    );
  });

  it('keeps the status of an answer without a JSON body, which the client alone would lose', async () => {
    const { gateway, hubspot } = testGateway({ retry: { maxAttempts: 1 } });
    hubspot.get(GROUPS).reply(502, '<html>Bad Gateway</html>');

    const error = await gateway.listPropertyGroups('companies').catch((e) => e);

    expect(error).toMatchObject({ status: 502, category: 'SERVER_ERROR' });
    expect(error.message).toMatch(/answered 502 to propertyGroups\.list: <html>Bad Gateway/);
  });

  it('names the server it could not reach', async () => {
    const { gateway, hubspot } = testGateway({ retry: { maxAttempts: 2 } });
    hubspot.get(GROUPS).times(2).replyWithError('connect ECONNREFUSED');

    const error = await gateway.listPropertyGroups('companies').catch((e) => e);

    expect(error).toMatchObject({ status: 0, category: 'NETWORK_ERROR', attempts: 2 });
    expect(error.message).toMatch(/Could not reach HubSpot at http:\/\/hubspot\.test/);
  });
});
