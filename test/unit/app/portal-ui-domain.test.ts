import { describe, expect, it } from 'vitest';
import { portalUiDomain } from '../../../src/app/portal-ui-domain.ts';
import type { AccountDetails } from '../../../src/hubspot/account-details.ts';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';

const TOKEN = 'pat-eu1-11111111-2222-3333-4444-555555555555';

const answering = (details: AccountDetails) => ({ accountDetails: async () => details });
const failing = (error: unknown) => ({
  accountDetails: async (): Promise<AccountDetails> => {
    throw error;
  },
});

describe("the portal's UI domain", () => {
  it('is the one account-info gives', async () => {
    const gateway = answering({
      portalId: 1,
      uiDomain: 'app-eu1.hubspot.com',
      dataHostingLocation: 'eu1',
      timeZone: 'Europe/Dublin',
    });
    expect(await portalUiDomain(gateway)).toEqual({
      uiDomain: 'app-eu1.hubspot.com',
      uiDomainFallback: null,
    });
  });

  it('falls back to app.hubspot.com when HubSpot still fails after its retries', async () => {
    const error = new HubSpotError(`HubSpot failed (${TOKEN})`, {
      endpoint: 'accountInfo.details',
      status: 503,
      category: 'INTERNAL_ERROR',
    });
    const domain = await portalUiDomain(failing(error));
    expect(domain).toEqual({
      uiDomain: 'app.hubspot.com',
      uiDomainFallback: 'INTERNAL_ERROR, HTTP 503',
    });
  });

  it('falls back without a word of what an unexpected error says', async () => {
    const domain = await portalUiDomain(failing(new Error(`boom ${TOKEN}`)));
    expect(domain).toEqual({
      uiDomain: 'app.hubspot.com',
      uiDomainFallback: 'an unexpected error',
    });
  });
});
