/** What became of one company, as HubSpot and the MRR history tell it. */
export interface CompanyFate {
  /** When it churned (an instant or a date); null while it is a customer. */
  churnedAt: string | null;
  /** When its MRR fell, oldest first (instants); counted only when contraction counts. */
  contractedAt: readonly string[];
}

export interface OutcomeRule {
  horizonDays: number;
  /** Whether an MRR drop counts as a loss, besides churn. */
  contraction: boolean;
  /** Today: an outcome whose horizon has not ended yet is unknown unless the loss already came. */
  now: Date;
}

const DAY_MS = 86_400_000;

/**
 * Whether a loss followed a reading within the horizon: 1 it did, 0 it did not, null when the
 * reading says nothing (the account had already churned, or its horizon is still open and
 * nothing was lost yet). Leaving those out, rather than counting them as kept, is what stops the
 * last months of history from making every model look better than it is.
 */
export function outcomeAfter(
  takenAt: string,
  fate: CompanyFate | undefined,
  rule: OutcomeRule,
): 0 | 1 | null {
  const at = Date.parse(takenAt);
  const until = at + rule.horizonDays * DAY_MS;
  const churned = fate?.churnedAt ? Date.parse(fate.churnedAt) : NaN;
  if (churned <= at) return null;
  if (churned <= until) return 1;
  if (rule.contraction && fate)
    for (const drop of fate.contractedAt) {
      const when = Date.parse(drop);
      if (when > at && when <= until) return 1;
    }
  return until > rule.now.getTime() ? null : 0;
}
