import type { MrrChange, MrrReading } from '../store/store.ts';
import type { ScoredCompany } from './score-chunk.ts';

export interface MrrClock {
  portal: string;
  /** When the run began: every company's first row (its starting point) is dated then. */
  runStartedAt: string;
  now: Date;
}

/**
 * The MRR rows a page adds. A company's first row is its starting point, dated at the run's
 * start, so the first run's record begins at one instant for the whole portal; after that a row
 * only when the MRR moved. A churned account pays 0 from its churn date (from now when that date
 * lies before its last row, which cannot be rewritten). An unknown MRR records nothing: unknown
 * is not 0.
 */
export function mrrChanges(
  companies: readonly Pick<ScoredCompany, 'id' | 'mrr' | 'facts'>[],
  last: ReadonlyMap<string, MrrReading>,
  clock: MrrClock,
): MrrChange[] {
  const now = clock.now.getTime();
  return companies.flatMap((c): MrrChange[] => {
    const churnedAt = c.facts?.churnedAt ?? null;
    const churned = churnedAt !== null && Date.parse(churnedAt) <= now;
    const mrr = churned ? 0 : c.mrr;
    const before = last.get(c.id);
    if (mrr === null || before?.mrr === mrr) return [];
    const row = { portal: clock.portal, companyId: c.id, mrr };
    if (!before) return [{ ...row, at: clock.runStartedAt }];
    const afterLast = churnedAt !== null && Date.parse(churnedAt) > Date.parse(before.at);
    return [{ ...row, at: churned && afterLast ? churnedAt : clock.now.toISOString() }];
  });
}
