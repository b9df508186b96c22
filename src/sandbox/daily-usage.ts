import { cachedStatement } from './cached-statement.ts';
import type { PortalDatabase } from './portal-database.ts';

export interface DailyUsage {
  count(day: string): number;
  increment(day: string): void;
}

/** Requests per UTC day, kept in the portal file so a restart does not refill the allowance. */
export function dailyUsage(db: PortalDatabase): DailyUsage {
  return {
    count: (day) => {
      const row = cachedStatement(db, 'SELECT count FROM daily_usage WHERE day = ?').get(day) as
        { count: number } | undefined;
      return row?.count ?? 0;
    },
    increment: (day) => {
      cachedStatement(
        db,
        'INSERT INTO daily_usage VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET count = count + 1',
      ).run(day);
    },
  };
}
