import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type { AccountFacts } from '../../../src/plays/play-types.ts';
import { account, daysAgo, input } from './play-input.ts';

const outcome = (facts: Partial<AccountFacts>) => evaluatePlays(input({ account: account(facts) }));
const keys = (ruleId: string, facts: Partial<AccountFacts>) =>
  outcome(facts)
    .actions.filter((a) => a.ruleId === ruleId)
    .map((a) => a.key);
const why = (ruleId: string, facts: Partial<AccountFacts>) =>
  outcome(facts).verdicts.find((v) => v.ruleId === ruleId)?.why;

describe('nps-detractor', () => {
  it('fires for every answer from 0 to 6, keyed on the survey date', () => {
    for (const npsLast of [0, 3, 6])
      expect(keys('nps-detractor', { npsLast, npsAt: daysAgo(2) })).toEqual([
        `c1:nps-detractor:${daysAgo(2)}`,
      ]);
  });

  it('fires again for a new survey answer, not for the same one', () => {
    expect(keys('nps-detractor', { npsLast: 4, npsAt: daysAgo(1) })).not.toEqual(
      keys('nps-detractor', { npsLast: 4, npsAt: daysAgo(20) }),
    );
  });

  it('ignores answers older than 30 days and answers without a date', () => {
    expect(keys('nps-detractor', { npsLast: 2, npsAt: daysAgo(31) })).toEqual([]);
    expect(why('nps-detractor', { npsLast: 2, npsAt: daysAgo(31) })).toMatch(/more than 30 days/);
    expect(keys('nps-detractor', { npsLast: 2, npsAt: null })).toEqual([]);
    expect(why('nps-detractor', { npsLast: 2, npsAt: null })).toMatch(/without a survey date/);
  });
});

describe('no-contact-3-weeks', () => {
  it('needs a known date of last contact', () => {
    expect(keys('no-contact-3-weeks', { daysSinceContact: null })).toEqual([]);
    expect(why('no-contact-3-weeks', { daysSinceContact: null })).toBe('no date of last contact');
  });

  it('is about the key people of the account', () => {
    const task = outcome({ daysSinceContact: 25 }).actions.find(
      (a) => a.ruleId === 'no-contact-3-weeks',
    );
    expect(task).toMatchObject({ kind: 'task', type: 'TODO', contactIds: ['k1'] });
  });
});
