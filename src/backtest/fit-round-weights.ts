/**
 * Whole-number weights that add up to an exact total, in proportion to non-negative shares, by
 * largest-remainder (Hamilton) rounding: every weight is its exact quota rounded down, and the points
 * still missing go one each to the largest remainders. No weight is ever more than one point away
 * from its exact quota, which rounding each weight on its own cannot promise (it can miss the total).
 *
 * Ties in remainder go to the larger share, then to the earlier position, so the result depends on
 * the input alone.
 */
export function roundToTotal(shares: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(`The total must be a whole number ≥ 0, not ${total}.`);
  }
  for (const share of shares) {
    if (!Number.isFinite(share) || share < 0) {
      throw new RangeError(`Shares must be finite and ≥ 0, not ${share}.`);
    }
  }
  const sum = shares.reduce((acc, share) => acc + share, 0);
  if (sum === 0) {
    if (total === 0) return shares.map(() => 0);
    throw new RangeError('Cannot share out a total among shares that are all 0.');
  }

  const quotas = shares.map((share) => (share / sum) * total);
  const weights = quotas.map(Math.floor);
  let missing = total - weights.reduce((acc, weight) => acc + weight, 0);
  const byRemainder = quotas
    .map((quota, index) => ({ index, remainder: quota - Math.floor(quota), share: quota }))
    .sort((a, b) => b.remainder - a.remainder || b.share - a.share || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    weights[index] = (weights[index] as number) + 1;
    missing--;
  }
  return weights;
}
