import type { Explanation } from '../scoring/explain-score.ts';
import type { LikelyReason } from './rule-types.ts';

/** What losing points in a dimension most likely means, by the dimension's meaning. */
const BY_DIMENSION: Record<string, LikelyReason> = {
  usage: 'low-usage',
  engagement: 'disengaged',
  financial: 'too-expensive',
  relationship: 'thin-relationship',
  outcome: 'not-seeing-value',
  outcomes: 'not-seeing-value',
  business: 'not-seeing-value',
};

export interface ReasonFinding {
  reason: LikelyReason;
  dimension: string;
  /** Score points the dimension loses against full marks. */
  lost: number;
}

/**
 * The save playbook's one likely reason: the dimension that loses the most score points (its share
 * of the weight with data × what it misses of full marks). A champion who left is the reason when
 * the relationship dimension is the one.
 */
export function likelyReason(current: Explanation): ReasonFinding | null {
  const withData = Object.entries(current.dimensions).filter(([, d]) => d.score !== null);
  const weight = withData.reduce((sum, [, d]) => sum + d.weight, 0);
  let worst: ReasonFinding | null = null;
  for (const [key, d] of withData) {
    const reason = BY_DIMENSION[key];
    if (reason === undefined || weight === 0) continue;
    const lost = (d.weight / weight) * (10 - d.score!) * 10;
    if (lost > 0 && (worst === null || lost > worst.lost)) worst = { reason, dimension: key, lost };
  }
  if (worst?.reason === 'thin-relationship' && championLeft(current))
    return { ...worst, reason: 'champion-left' };
  return worst;
}

function championLeft(current: Explanation): boolean {
  return current.signals.some((s) => s.key === 'champion_status' && s.value === 'left');
}
