import { z } from 'zod';
import { cachedStatement } from './cached-statement.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { SandboxHttpError } from './sandbox-http-error.ts';
import type { SandboxRoute } from './sandbox-route.ts';

const TokenInfo = z.object({ tokenKey: z.string().min(1) });

/** Private-app token introspection: who the token acts for and which scopes it holds. */
export function tokenInfoRoutes(ctx: PortalContext): SandboxRoute[] {
  return [
    {
      method: 'post',
      path: '/oauth/v2/private-apps/get/access-token-info',
      scopes: [],
      handle: (req, res) => {
        const { tokenKey } = parseBody(TokenInfo, req.body);
        if (tokenKey !== ctx.token) {
          throw new SandboxHttpError(
            401,
            'INVALID_AUTHENTICATION',
            'The token key is not a valid private app access token.',
          );
        }
        const owner = cachedStatement(
          ctx.db,
          'SELECT user_id AS userId FROM owners ORDER BY id LIMIT 1',
        ).get() as { userId: number } | undefined;
        res.json({
          userId: owner?.userId ?? 0,
          hubId: ctx.hubId,
          appId: ctx.appId,
          scopes: [...ctx.scopes],
        });
      },
    },
  ];
}
