import type { PortfolioSnapshot } from '../store/store.ts';
import type { ScoredCompany } from './score-chunk.ts';

export interface Mover {
  id: string;
  name: string | null;
  from: number;
  to: number;
}

export interface PortfolioTally {
  tiers: Record<string, { accounts: number; mrr: number }>;
  /** Biggest rises and falls since the last stored score, at most `MOVERS` each. */
  up: Mover[];
  down: Mover[];
  add(company: ScoredCompany): void;
  snapshot(): PortfolioSnapshot;
}

const MOVERS = 5;

/** Accounts and MRR per tier and the biggest movers, in memory bounded however large the portal. */
export function createPortfolioTally(from?: PortfolioSnapshot): PortfolioTally {
  const tally: PortfolioTally = {
    tiers: structuredClone(from?.tiers ?? {}),
    up: [...(from?.up ?? [])],
    down: [...(from?.down ?? [])],
    snapshot: () => ({ tiers: structuredClone(tally.tiers), up: tally.up, down: tally.down }),
    add(company) {
      const tier = (tally.tiers[company.explanation.tier] ??= { accounts: 0, mrr: 0 });
      tier.accounts += 1;
      tier.mrr += company.mrr ?? 0;
      const to = company.explanation.score;
      const from = company.previousScore;
      if (to === null || from === null || to === from) return;
      const mover = { id: company.id, name: company.name, from, to };
      if (to > from) tally.up = keepTop([...tally.up, mover], (m) => m.to - m.from);
      else tally.down = keepTop([...tally.down, mover], (m) => m.from - m.to);
    },
  };
  return tally;
}

function keepTop(movers: Mover[], size: (m: Mover) => number): Mover[] {
  return movers.sort((a, b) => size(b) - size(a)).slice(0, MOVERS);
}
