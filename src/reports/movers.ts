import type { PortfolioAccount } from './report-input.ts';

export interface Mover {
  companyId: string;
  name: string | null;
  ownerId: string | null;
  tier: string;
  /** The score a week ago and now. */
  from: number;
  to: number;
  change: number;
  mrr: number | null;
}

export const MOVERS = 10;

/** The biggest rises and falls of the week (the written 7-day change), biggest first. */
export function movers(
  accounts: readonly PortfolioAccount[],
  limit = MOVERS,
): { up: Mover[]; down: Mover[] } {
  const moved = accounts.flatMap((a): Mover[] =>
    a.score === null || a.change7d === null || a.change7d === 0
      ? []
      : [
          {
            companyId: a.companyId,
            name: a.name,
            ownerId: a.ownerId,
            tier: a.tier,
            from: a.score - a.change7d,
            to: a.score,
            change: a.change7d,
            mrr: a.mrr,
          },
        ],
  );
  // Equal moves: the account with more MRR first, then by name, so the order never wobbles.
  const order = (a: Mover, b: Mover) =>
    (b.mrr ?? 0) - (a.mrr ?? 0) || (a.name ?? a.companyId).localeCompare(b.name ?? b.companyId);
  const up = moved.filter((m) => m.change > 0).sort((a, b) => b.change - a.change || order(a, b));
  const down = moved.filter((m) => m.change < 0).sort((a, b) => a.change - b.change || order(a, b));
  return { up: up.slice(0, limit), down: down.slice(0, limit) };
}
