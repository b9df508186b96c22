import { z } from 'zod';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';

const ENDPOINT = 'oauth.tokenInfo';
const infoSchema = z.object({ scopes: z.array(z.string()) });

/**
 * The scopes granted to a private app's access token:
 * https://developers.hubspot.com/docs/api/private-apps#get-access-token-info
 */
export async function tokenScopes(ctx: GatewayContext, accessToken: string): Promise<string[]> {
  const data = await ctx.call(ENDPOINT, async () =>
    parseResponse(
      infoSchema,
      await ctx.request({
        method: 'POST',
        path: '/oauth/v2/private-apps/get/access-token-info',
        body: { tokenKey: accessToken },
      }),
      ENDPOINT,
    ),
  );
  return data.scopes;
}
