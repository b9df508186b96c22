import type { Gateway } from '../hubspot/create-gateway.ts';
import { HubSpotError } from '../hubspot/hubspot-error.ts';

/** Where a portal in HubSpot's US data centre is opened; the fallback when its own is unknown. */
export const DEFAULT_UI_DOMAIN = 'app.hubspot.com';

export interface PortalUiDomain {
  /** Where the portal's users open HubSpot: app.hubspot.com, app-eu1.hubspot.com, … */
  uiDomain: string;
  /** Why uiDomain is DEFAULT_UI_DOMAIN and not read from the portal; null when it was read. */
  uiDomainFallback: string | null;
}

/**
 * The portal's UI domain from account-info. Only links depend on it, so a failed read (a token
 * without the scope, HubSpot down after retries, an answer we refuse) falls back to
 * app.hubspot.com instead of failing the connection.
 */
export async function portalUiDomain(
  gateway: Pick<Gateway, 'accountDetails'>,
): Promise<PortalUiDomain> {
  try {
    const { uiDomain } = await gateway.accountDetails();
    return { uiDomain, uiDomainFallback: null };
  } catch (error) {
    return { uiDomain: DEFAULT_UI_DOMAIN, uiDomainFallback: whyNot(error) };
  }
}

/** The failure in a few words; HubSpotError's fields hold no token, unlike a raw message may. */
function whyNot(error: unknown): string {
  if (!(error instanceof HubSpotError)) return 'an unexpected error';
  return error.status === 0 ? error.category : `${error.category}, HTTP ${error.status}`;
}
