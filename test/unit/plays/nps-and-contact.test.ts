import { describe, expect, it } from 'vitest';
import type { AccountFacts } from '../../../src/plays/play-types.ts';
import { ownerTasks, run, triggerOf, verdictOf } from './outcome-views.ts';
import { account, daysAgo } from './play-input.ts';

const outcome = (facts: Partial<AccountFacts>) => run({ account: account(facts) });
/** The episode the rule fed the save track with, or undefined when it did not fire. */
const episode = (ruleId: string, facts: Partial<AccountFacts>) =>
  triggerOf(outcome(facts), ruleId)?.episode;
const why = (ruleId: string, facts: Partial<AccountFacts>) =>
  verdictOf(outcome(facts), ruleId)?.why;

describe('nps-detractor', () => {
  it('fires for every answer from 0 to 6, keyed on the survey date', () => {
    for (const npsLast of [0, 3, 6])
      expect(episode('nps-detractor', { npsLast, npsAt: daysAgo(2) })).toBe(daysAgo(2));
    expect(episode('nps-detractor', { npsLast: 7, npsAt: daysAgo(2) })).toBeUndefined();
  });

  it('fires again for a new survey answer, not for the same one', () => {
    const first = outcome({ npsLast: 4, npsAt: daysAgo(20) });
    const carried = { tracks: first.tracks, previouslyActive: new Set(first.active) };
    const same = run({ account: account({ npsLast: 4, npsAt: daysAgo(20) }), ...carried });
    expect(same.actions.filter((a) => a.kind !== 'property')).toEqual([]);
    const next = run({ account: account({ npsLast: 4, npsAt: daysAgo(1) }), ...carried });
    expect(next.tracks.save?.triggers.map((t) => t.episode)).toEqual([daysAgo(20), daysAgo(1)]);
  });

  it('ignores answers older than 30 days and answers without a date', () => {
    expect(episode('nps-detractor', { npsLast: 2, npsAt: daysAgo(31) })).toBeUndefined();
    expect(why('nps-detractor', { npsLast: 2, npsAt: daysAgo(31) })).toMatch(/more than 30 days/);
    expect(episode('nps-detractor', { npsLast: 2, npsAt: null })).toBeUndefined();
    expect(why('nps-detractor', { npsLast: 2, npsAt: null })).toMatch(/without a survey date/);
  });
});

describe('no-contact-3-weeks', () => {
  it('needs a known date of last contact', () => {
    expect(episode('no-contact-3-weeks', { daysSinceContact: null })).toBeUndefined();
    expect(why('no-contact-3-weeks', { daysSinceContact: null })).toBe('no date of last contact');
  });

  it('is about the key people of the account', () => {
    expect(ownerTasks(outcome({ daysSinceContact: 25 }), 'save')).toEqual([
      expect.objectContaining({ type: 'TODO', contactIds: ['k1'] }),
    ]);
  });
});
