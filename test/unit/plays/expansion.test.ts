import { describe, expect, it } from 'vitest';
import {
  EXPANSION_SIGNALS,
  type PlayInput,
  type TrackState,
} from '../../../src/plays/play-types.ts';
import {
  firedRules,
  ownerTasks,
  ownerUpdates,
  run,
  triggerOf,
  verdictOf,
} from './outcome-views.ts';
import { account, daysAgo, explain, NOW, point, withScore } from './play-input.ts';
import { daysOut } from './scenario-dues.ts';

const EXPANSION_RULES = [
  'usage-near-limit',
  'new-use-case',
  'team-growth',
  'success-milestone',
  'renewal-expansion',
];
const signals = Object.fromEntries(EXPANSION_SIGNALS.map((s) => [s, daysAgo(1)]));
const ready = (facts: Parameters<typeof account>[0] = {}) =>
  account({ renewalDate: daysOut(50), observed: signals, ...facts });
const grow = (over: Partial<PlayInput> = {}) =>
  run({ account: ready(), current: explain(), ...over });
const expansionFired = (over: Partial<PlayInput>) =>
  firedRules(grow(over)).filter((id) => EXPANSION_RULES.includes(id));

describe('expansion plays', () => {
  it('all fire for an account in the best tier, into one expansion task', () => {
    const outcome = grow();
    expect(expansionFired({})).toEqual(EXPANSION_RULES);
    expect(ownerTasks(outcome, 'expansion')).toHaveLength(1);
    expect(outcome.tracks.expansion?.triggers.map((t) => t.ruleId)).toEqual(EXPANSION_RULES);
  });

  const notBest = (tier: string) =>
    `only for accounts in the best tier (healthy); this one is ${tier.replace('_', ' ')}`;
  it.each([
    ['monitor', 74, notBest('monitor')],
    // Lower still, the save episode the tier opens is the first thing in the way.
    ['at_risk', 40, 'not while the account has an open save episode'],
    ['critical', 10, 'not while the account has an open save episode'],
  ])('never fire for an account in %s', (tier, score, why) => {
    const current = withScore(score);
    expect(current.tier).toBe(tier);
    const outcome = grow({ current });
    expect(ownerTasks(outcome, 'expansion')).toEqual([]);
    for (const id of EXPANSION_RULES) expect(verdictOf(outcome, id)?.why).toBe(why);
  });

  it('never fire for an account without a score, or for a trial', () => {
    expect(expansionFired({ current: { ...explain(), score: null, tier: 'unknown' } })).toEqual([]);
    expect(expansionFired({ account: ready({ segment: 'trial' }) })).toEqual([]);
  });

  it("follow the model's own best tier, whatever it is called", () => {
    const tiers = ['thriving', 'healthy', 'at_risk', 'critical'];
    const current = { ...explain(), tier: 'healthy' };
    expect(expansionFired({ current, tiers })).toEqual([]);
    expect(expansionFired({ current: { ...current, tier: 'thriving' }, tiers })).toHaveLength(5);
  });

  it('"back to healthy" congratulates only on a rise from a lower tier', () => {
    const rose = run({ current: explain(), history: [point(NOW, 3, 70, 'monitor')] });
    expect(triggerOf(rose, 'tier-healthy')).toBeDefined();
    const always = run({ current: explain(), history: [point(NOW, 30, 95, 'healthy')] });
    expect(verdictOf(always, 'tier-healthy')?.fired).toBe(false);
  });

  it('carry no discount at all', () => {
    expect(ownerTasks(grow(), 'expansion')[0]?.body).not.toMatch(/discount/i);
  });
});

describe('expansion is barred', () => {
  const barred = (outcome: ReturnType<typeof run>, why: string) => {
    expect(ownerTasks(outcome, 'expansion')).toEqual([]);
    expect(outcome.tracks.expansion).toBeUndefined();
    for (const id of EXPANSION_RULES)
      expect(verdictOf(outcome, id)).toMatchObject({ fired: false, why });
  };

  it('while a save episode is open', () => {
    const silent = grow({ account: ready({ daysSinceContact: 25 }) });
    expect(ownerTasks(silent, 'save')).toHaveLength(1);
    barred(silent, 'not while the account has an open save episode');
  });

  it('after an NPS answer of 6 or less, however old', () => {
    barred(
      grow({ account: ready({ npsLast: 6, npsAt: daysAgo(200) }) }),
      'not after an NPS answer of 6 (6 or less)',
    );
    expect(expansionFired({ account: ready({ npsLast: 7, npsAt: daysAgo(2) }) })).toEqual(
      EXPANSION_RULES,
    );
  });

  it('in the first 60 days of the account (onboarding)', () => {
    barred(
      grow({ account: ready({ customerSince: daysAgo(59) }) }),
      'not in the first 60 days of the account (onboarding)',
    );
    expect(expansionFired({ account: ready({ customerSince: daysAgo(60) }) })).toEqual(
      EXPANSION_RULES,
    );
  });

  it('and an open expansion task is completed when a save episode opens', () => {
    const open: TrackState = {
      kind: 'expansion',
      episode: '2025-03-05',
      openedAt: daysAgo(7),
      triggers: [
        {
          ruleId: 'team-growth',
          episode: daysAgo(8),
          at: daysAgo(7),
          why: 'grew',
          priority: 'MEDIUM',
        },
      ],
      priority: 'MEDIUM',
      dueAt: daysAgo(-1),
      task: true,
      manager: false,
    };
    const outcome = grow({ current: withScore(40), tracks: { expansion: open } });
    expect(ownerUpdates(outcome, 'expansion')).toEqual([
      expect.objectContaining({
        target: 'c1:expansion-plan:2025-03-05',
        status: 'COMPLETED',
        body: expect.stringMatching(
          /^Closed by Vitals on 2025-03-12: not while the account has an open save episode\./,
        ),
      }),
    ]);
    expect(outcome.tracks.expansion).toBeUndefined();
  });
});
