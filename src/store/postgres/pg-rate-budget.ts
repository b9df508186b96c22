import type { SharedRateBudget } from '../store.ts';
import type { Queryable } from './pg-client.ts';

/**
 * HubSpot's per-10-second limit counted in PostgreSQL, second by second, for every process of
 * the app: three replicas together stay within the one limit instead of spending it three times.
 * One round trip per call (take_rate_budget, migration 14).
 */
export function pgRateBudget(q: Queryable): SharedRateBudget {
  return {
    async take(name, now, limitPer10s) {
      const { rows } = await q.query<{ taken: boolean }>(
        'SELECT take_rate_budget($1, $2, $3) AS taken',
        [name, Math.floor(now / 1000), Math.max(1, Math.floor(limitPer10s))],
      );
      return rows[0]?.taken === true;
    },
  };
}
