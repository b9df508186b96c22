import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import { EXPANSION_SIGNALS, type PlayInput } from '../../../src/plays/play-types.ts';
import { account, daysAgo, explain, input, point, NOW, withScore } from './play-input.ts';

const EXPANSION_RULES = [
  'usage-near-limit',
  'new-use-case',
  'team-growth',
  'success-milestone',
  'renewal-expansion',
];

const everything = account({
  renewalDate: '2025-05-01',
  observed: Object.fromEntries(EXPANSION_SIGNALS.map((s) => [s, daysAgo(1)])),
});
const expansionRulesFired = (over: Partial<PlayInput>) =>
  evaluatePlays(input({ account: everything, ...over }))
    .actions.map((a) => a.ruleId)
    .filter((id) => EXPANSION_RULES.includes(id));

describe('expansion plays', () => {
  it('all fire for an account in the best tier', () => {
    expect(new Set(expansionRulesFired({ current: explain() }))).toEqual(new Set(EXPANSION_RULES));
  });

  it.each([
    ['monitor', 74],
    ['at_risk', 40],
    ['critical', 10],
  ])('never fire for an account in %s', (tier, score) => {
    const current = withScore(score);
    expect(current.tier).toBe(tier);
    expect(expansionRulesFired({ current })).toEqual([]);
    const outcome = evaluatePlays(input({ account: everything, current }));
    for (const id of EXPANSION_RULES)
      expect(outcome.verdicts.find((v) => v.ruleId === id)?.why).toBe(
        `only for accounts in the best tier (healthy); this one is ${tier.replace('_', ' ')}`,
      );
  });

  it('never fire for an account without a score', () => {
    expect(
      expansionRulesFired({ current: { ...explain(), score: null, tier: 'unknown' } }),
    ).toEqual([]);
  });

  it("follow the model's own best tier, whatever it is called", () => {
    const tiers = ['thriving', 'healthy', 'at_risk', 'critical'];
    const current = { ...explain(), tier: 'healthy' };
    expect(expansionRulesFired({ current, tiers })).toEqual([]);
    expect(expansionRulesFired({ current: { ...current, tier: 'thriving' }, tiers })).toHaveLength(
      5,
    );
  });

  it('do not go to trials', () => {
    const trial = { ...everything, segment: 'trial' };
    expect(expansionRulesFired({ account: trial, current: explain() })).toEqual([]);
  });

  it('"back to healthy" congratulates only on a rise from a lower tier', () => {
    const rose = evaluatePlays(
      input({ current: explain(), history: [point(NOW, 3, 70, 'monitor')] }),
    );
    expect(rose.actions.some((a) => a.ruleId === 'tier-healthy')).toBe(true);
    const always = evaluatePlays(
      input({ current: explain(), history: [point(NOW, 30, 95, 'healthy')] }),
    );
    expect(always.actions.some((a) => a.ruleId === 'tier-healthy')).toBe(false);
  });

  it('never offer a discount to an account that is not healthy', () => {
    // The save playbook names the rule; expansion tasks carry no discount at all.
    const at = evaluatePlays(input({ current: withScore(40) }));
    const save = at.actions.find((a) => a.ruleId === 'tier-at-risk');
    expect(save?.kind === 'task' && save.body).toMatch(
      /Never use a discount to sell more to an account that is not healthy/,
    );
    const grow = evaluatePlays(input({ account: everything, current: explain() }));
    for (const a of grow.actions)
      if (a.kind === 'task' && EXPANSION_RULES.includes(a.ruleId))
        expect(a.body).not.toMatch(/discount/i);
  });
});
