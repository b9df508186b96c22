import { z } from 'zod';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';

const ENDPOINT = 'oauth.tokenInfo';
const infoSchema = z.object({
  scopes: z.array(z.string()),
  hubId: z.union([z.number(), z.string()]).transform(String),
});

export interface TokenInfo {
  /** The portal (hub) the token belongs to. */
  hubId: string;
  scopes: string[];
}

/**
 * The scopes granted to a private app's access token:
 * https://developers.hubspot.com/docs/api/private-apps#get-access-token-info
 */
export async function tokenScopes(ctx: GatewayContext, accessToken: string): Promise<string[]> {
  return (await tokenInfo(ctx, accessToken)).scopes;
}

/** The portal and scopes of a private app's access token. */
export async function tokenInfo(ctx: GatewayContext, accessToken: string): Promise<TokenInfo> {
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
  return { hubId: data.hubId, scopes: data.scopes };
}
