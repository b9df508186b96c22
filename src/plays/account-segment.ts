import { SEGMENTS, type Segment } from '../scoring/model-schema.ts';
import type { AccountFacts } from './play-types.ts';

/** The segments that pay, and so have discounts, renewals and expansion. */
export const PAYING_SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;
export type PayingSegment = (typeof PAYING_SEGMENTS)[number];

/** DOMAIN §5: enterprise above $5,000 MRR, mid-market $500–5,000, smb below $500. */
export function segmentByMrr(mrr: number | null): PayingSegment | null {
  if (mrr === null) return null;
  if (mrr > 5000) return 'enterprise';
  return mrr >= 500 ? 'mid_market' : 'smb';
}

/** The segment a rule's filter sees: the account's own when it is a known one, else by MRR. */
export function accountSegment(account: AccountFacts): Segment | null {
  const own = SEGMENTS.find((s) => s === account.segment);
  return own ?? segmentByMrr(account.mrr);
}

/** The segment whose discount rule applies: a trial or unknown segment falls back to MRR. */
export function discountSegment(account: AccountFacts): PayingSegment | null {
  const own = PAYING_SEGMENTS.find((s) => s === account.segment);
  return own ?? segmentByMrr(account.mrr);
}
