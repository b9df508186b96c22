import { z } from 'zod';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';

const ENDPOINT = 'accountInfo.details';

// Labels of letters, digits and inner hyphens, the last two "hubspot.com": "evilhubspot.com" or
// "hubspot.com.evil.example" do not pass.
const HUBSPOT_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*hubspot\.com$/;

/** The UI domain goes into the links the home page opens, so only a HubSpot host is taken. */
const uiDomainSchema = z
  .string()
  .toLowerCase()
  .refine((host) => HUBSPOT_HOST.test(host), {
    error: (issue) =>
      `${JSON.stringify(String(issue.input).slice(0, 100))} is not a hubspot.com host name ` +
      '(like app.hubspot.com or app-eu1.hubspot.com), so no link is built on it',
  });

const detailsSchema = z.object({
  portalId: z.number().int(),
  uiDomain: uiDomainSchema,
  dataHostingLocation: z.string().min(1),
  timeZone: z.string().min(1),
});

export interface AccountDetails {
  /** The portal (hub) id. */
  portalId: number;
  /** Where the portal's users open HubSpot: app.hubspot.com, app-eu1.hubspot.com, … */
  uiDomain: string;
  /** The data centre that hosts the portal: "na1", "eu1", … */
  dataHostingLocation: string;
  /** The portal's time zone, as its settings name it. */
  timeZone: string;
}

/**
 * The portal's settings, as far as Vitals uses them:
 * https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
 */
export async function accountDetails(ctx: GatewayContext): Promise<AccountDetails> {
  const data = await ctx.call(ENDPOINT, async () =>
    parseResponse(
      detailsSchema,
      await ctx.request({ method: 'GET', path: '/account-info/v3/details' }),
      ENDPOINT,
    ),
  );
  return {
    portalId: data.portalId,
    uiDomain: data.uiDomain,
    dataHostingLocation: data.dataHostingLocation,
    timeZone: data.timeZone,
  };
}
