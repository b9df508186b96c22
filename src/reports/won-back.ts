import { churnedBy } from './account-at.ts';
import { mrrAt } from './mrr-at.ts';
import type { MrrHistory, PortfolioAccount } from './report-input.ts';

export interface WonBackRow {
  companyId: string;
  name: string | null;
  /** When its MRR went to 0, and when it paid again. */
  lostAt: string;
  backAt: string;
  /** What it pays now. */
  mrr: number;
}

/** Customers now whose MRR came back from 0 between `since` and `asOf`. */
export function wonBack(
  accounts: readonly PortfolioAccount[],
  history: MrrHistory,
  since: number,
  asOf: number,
): WonBackRow[] {
  const rows = accounts.flatMap((a): WonBackRow[] => {
    const points = history[a.companyId] ?? [];
    const mrr = mrrAt(points, asOf) ?? 0;
    if (churnedBy(a, asOf) || mrr === 0) return [];
    for (let i = points.length - 1; i > 0; i--) {
      const back = points[i]!;
      const at = Date.parse(back.at);
      if (at > asOf || back.mrr === 0) continue;
      if (at < since) return [];
      const lost = points[i - 1]!;
      if (lost.mrr === 0)
        return [{ companyId: a.companyId, name: a.name, lostAt: lost.at, backAt: back.at, mrr }];
    }
    return [];
  });
  return rows.sort((a, b) => b.mrr - a.mrr || a.companyId.localeCompare(b.companyId));
}
