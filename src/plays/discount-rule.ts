import { discountSegment } from './account-segment.ts';
import type { AccountFacts } from './play-types.ts';

const BY_SEGMENT = {
  enterprise:
    'Enterprise (over $5,000 MRR): a discount of up to 25 % for 6 months, only as a last resort.',
  mid_market:
    'Mid-market ($500–5,000 MRR): a discount of up to 15 % for 3 months, only as a last resort.',
  smb: 'Small business (under $500 MRR): no discount; a pause is the offer.',
} as const;

const UNKNOWN = 'Segment unknown (no MRR on record): treat it as small business, a pause only.';
const ALWAYS = 'Offer a pause before accepting a cancellation.';

/** DOMAIN §5's discount ceiling for the account's segment, in the words a rep needs. */
export function discountRule(account: AccountFacts): string {
  const segment = discountSegment(account);
  return `${segment === null ? UNKNOWN : BY_SEGMENT[segment]} ${ALWAYS}`;
}
