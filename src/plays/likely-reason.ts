import type { Explanation } from '../scoring/explain-score.ts';
import type { LikelyReason } from './rule-types.ts';

/** Which save-playbook reason a losing dimension points to (DOMAIN §5, "intervene"). */
const BY_DIMENSION: Record<string, LikelyReason> = {
  usage: 'low-usage',
  outcome: 'not-seeing-value',
  outcomes: 'not-seeing-value',
  financial: 'too-expensive',
};

/**
 * The reason the score points to: the first of the drivers (worst first) that names one.
 * Engagement and modifiers say something is wrong but not why, so they are passed over.
 */
export function likelyReason(current: Explanation): LikelyReason | null {
  for (const driver of current.drivers) {
    if (driver.kind !== 'signal') continue;
    if (driver.key === 'champion_status' && driver.value === 'left') return 'champion-left';
    const dimension = current.signals.find((s) => s.key === driver.key)?.dimension;
    const reason = dimension === undefined ? undefined : BY_DIMENSION[dimension];
    if (reason) return reason;
  }
  return null;
}
