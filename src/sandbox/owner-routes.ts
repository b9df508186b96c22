import { LIMITS } from './batch-limits.ts';
import { cachedStatement } from './cached-statement.ts';
import type { PortalContext } from './portal-context.ts';
import { cursorParam, integerParam, stringParam } from './query-params.ts';
import type { SandboxRoute } from './sandbox-route.ts';

/** GET /crm/v3/owners: the portal's owners in id order, optionally one by email. */
export function ownerRoutes(ctx: PortalContext): SandboxRoute[] {
  return [
    {
      method: 'get',
      path: '/crm/v3/owners',
      scopes: ['crm.objects.owners.read'],
      handle: (req, res) => {
        const limit = integerParam(req.query.limit, 'limit', 100, 1, LIMITS.ownersPage);
        const after = cursorParam(req.query.after);
        const email = stringParam(req.query.email)?.toLowerCase() ?? null;
        if (req.query.archived === 'true') return void res.json({ results: [] });
        const rows = cachedStatement(
          ctx.db,
          `SELECT owner FROM owners WHERE @email IS NULL OR lower(email) = @email
           ORDER BY id LIMIT @limit OFFSET @after`,
        ).all({ email, limit: limit + 1, after }) as { owner: string }[];
        const results = rows.slice(0, limit).map((row) => JSON.parse(row.owner) as unknown);
        if (rows.length <= limit) return void res.json({ results });
        const next = String(after + limit);
        const link = `${ctx.baseUrl()}/crm/v3/owners?limit=${limit}&after=${next}`;
        res.json({ results, paging: { next: { after: next, link } } });
      },
    },
  ];
}
