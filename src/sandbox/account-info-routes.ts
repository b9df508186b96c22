import type { PortalContext } from './portal-context.ts';
import { SANDBOX_DEFAULTS } from './sandbox-defaults.ts';
import type { SandboxRoute } from './sandbox-route.ts';
import { utcOffset } from './utc-offset.ts';

/**
 * The one scope HubSpot's account information guide requires, its basic OAuth scope:
 * https://developers.hubspot.com/docs/api-reference/latest/account/account-information/guide
 */
export const ACCOUNT_INFO_SCOPES: readonly string[] = ['oauth'];

/** GET /account-info/v3/details: the portal's settings, in HubSpot's full shape. */
export function accountInfoRoutes(ctx: PortalContext): SandboxRoute[] {
  return [
    {
      method: 'get',
      path: '/account-info/v3/details',
      scopes: ACCOUNT_INFO_SCOPES,
      handle: (_req, res) => {
        const timeZone = SANDBOX_DEFAULTS.timeZone;
        const offset = utcOffset(timeZone, ctx.now());
        res.json({
          portalId: ctx.hubId,
          accountType: 'DEVELOPER_TEST',
          timeZone,
          companyCurrency: 'USD',
          additionalCurrencies: [],
          utcOffset: offset.text,
          utcOffsetMilliseconds: offset.ms,
          uiDomain: ctx.uiDomain,
          dataHostingLocation: dataHostingLocation(ctx.uiDomain),
        });
      },
    },
  ];
}

/** HubSpot names a portal's UI after its data centre: app-eu1.hubspot.com is hosted in eu1. */
function dataHostingLocation(uiDomain: string): string {
  return /^app-([a-z]+\d+)\./.exec(uiDomain)?.[1] ?? 'na1';
}
