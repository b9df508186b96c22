import type { Priority } from '../plays/play-types.ts';
import type { PlayStatus, PortfolioAccount } from './report-input.ts';

export interface AlertRow {
  companyId: string;
  name: string | null;
  tier: string;
  score: number | null;
  change7d: number | null;
  mrr: number | null;
  trigger: string;
  playId: string;
  play: string;
  /** The task's owner, else the account's. */
  ownerId: string | null;
  dueAt: string | null;
  priority: Priority;
  status: PlayStatus;
}

/** Work someone still has to do: recommended, a task in HubSpot, or waiting for a daily cap. */
export const QUEUED: ReadonlySet<PlayStatus> = new Set(['open', 'task-created', 'held']);

const RANK: Record<Priority, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** Every play waiting on someone, most urgent first, then soonest due, then most MRR. */
export function alertQueue(accounts: readonly PortfolioAccount[]): AlertRow[] {
  const rows = accounts.flatMap((a) =>
    a.plays
      .filter((p) => QUEUED.has(p.status))
      .map((p): AlertRow => ({
        companyId: a.companyId,
        name: a.name,
        tier: a.tier,
        score: a.score,
        change7d: a.change7d,
        mrr: a.mrr,
        trigger: p.trigger,
        playId: p.id,
        play: p.title,
        ownerId: p.ownerId ?? a.ownerId,
        dueAt: p.dueAt,
        priority: p.priority,
        status: p.status,
      })),
  );
  // Each due time parsed once, not at every comparison: a book can queue 100,000 plays.
  const keyed = rows.map((row) => ({
    row,
    rank: RANK[row.priority],
    due: row.dueAt === null ? Infinity : Date.parse(row.dueAt),
    mrr: row.mrr ?? 0,
  }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.due - b.due ||
      b.mrr - a.mrr ||
      a.row.companyId.localeCompare(b.row.companyId),
  );
  return keyed.map((k) => k.row);
}
