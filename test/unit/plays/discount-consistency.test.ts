import { describe, expect, it } from 'vitest';
import type { AccountFacts } from '../../../src/plays/play-types.ts';
import { bodyOf, run } from './outcome-views.ts';
import { account, daysAgo, explain } from './play-input.ts';
import { BY_REASON } from './reason-signals.ts';

const REASONS = [...Object.keys(BY_REASON), 'none'] as const;
const signalsOf = (reason: string) =>
  reason === 'none' ? {} : BY_REASON[reason as keyof typeof BY_REASON];

/** The save task's text for an account that asked how to cancel (the full playbook). */
const saveBody = (facts: Partial<AccountFacts>, reason: string) =>
  bodyOf(
    run({
      current: explain(signalsOf(reason)),
      account: account({ observed: { cancellation_terms_asked: daysAgo(1) }, ...facts }),
    }),
    'save',
  );

/** Anything that reads as a price concession. */
const OFFER =
  /discount|\d+ ?% off|up to \d+ ?%|\b(better|lower|reduced|special|discounted) (rate|price)\b|cheaper/i;
/** The ways the text may name a discount while saying there is none. */
const REFUSAL = /\bno discount\b|\bnever use a discount\b|a pause only/i;

const sentences = (text: string) => text.split(/\n|(?<=[.;])\s+/).filter((s) => s !== '');

describe.each([
  ['smb by its segment', { segment: 'smb', mrr: 300 }],
  ['smb by its segment, whatever the MRR', { segment: 'smb', mrr: 9000 }],
  ['smb by MRR', { segment: null, mrr: 300 }],
  ['a trial, by MRR', { segment: 'trial', mrr: 100 }],
  ['unknown segment and MRR', { segment: null, mrr: null }],
])('the save task of %s', (_, facts) => {
  it.each(REASONS)('never offers a discount, with the likely reason %s', (reason) => {
    const body = saveBody(facts, reason);
    expect(body).toMatch(/Discounts: .*(no discount|a pause only)/);
    const offers = sentences(body).filter((s) => OFFER.test(s) && !REFUSAL.test(s));
    expect(offers).toEqual([]);
    expect(body).toMatch(/\n2\. Reach out \(by [\d-]+\): personally\. Do not mention churn\.\n/);
  });
});

describe.each([
  ['enterprise', { segment: 'enterprise', mrr: 8000 }, 'up to 25 % for 6 months'],
  ['mid-market', { segment: 'mid_market', mrr: 1200 }, 'up to 15 % for 3 months'],
])('the save task of a %s account', (_, facts, ceiling) => {
  const lastResort = 'only as a last resort, a temporary discount within the limit below';

  it('offers a temporary discount as the last option when the price is the likely reason', () => {
    const body = saveBody(facts, 'too-expensive');
    expect(body).toMatch(new RegExp(`Options: .*; ${lastResort}\\.`));
    expect(body).toContain(ceiling);
    expect(body).toContain('Do not mention churn or offer a discount yet.');
  });

  it.each(REASONS.filter((r) => r !== 'too-expensive'))(
    'offers no discount among the moves for %s',
    (reason) => {
      const body = saveBody(facts, reason);
      expect(body).not.toContain('temporary discount');
      expect(body).toContain(`Discounts: `);
    },
  );
});
