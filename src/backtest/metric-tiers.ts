/** How often churn followed the months an account spent in one tier. */
export interface TierRate {
  tier: string;
  observations: number;
  churned: number;
  /** churned / observations; null for a tier no observation fell in. */
  rate: number | null;
  /** Whether the tier holds enough observations for its rate to be read as a number. */
  firm: boolean;
}

/** How many times the base churn rate the worst tier's rate is. */
export interface TierLift {
  tier: string;
  lift: number;
}

/** Churn rate per tier, in the order given (best to worst). */
export function tierRates(
  tiers: readonly string[],
  observations: Float64Array,
  churned: Float64Array,
  firmObservations: number,
): TierRate[] {
  return tiers.map((tier, t) => {
    const n = observations[t] ?? 0;
    const c = churned[t] ?? 0;
    return {
      tier,
      observations: n,
      churned: c,
      rate: n > 0 ? c / n : null,
      firm: n >= firmObservations,
    };
  });
}

/**
 * The lift of the worst tier that has observations: with tiers ordered best to worst, that is
 * the tier the score meant as its strongest warning. Null without a base rate to compare to.
 */
export function worstTierLift(
  rates: readonly TierRate[],
  baseRate: number | null,
): TierLift | null {
  const worst = rates.findLast((r) => r.rate !== null);
  if (worst === undefined || worst.rate === null || baseRate === null || baseRate === 0)
    return null;
  return { tier: worst.tier, lift: worst.rate / baseRate };
}
