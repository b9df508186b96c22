import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../../src/scoring/explain-score.ts';
import { explainAccount } from '../../../src/scoring/explain-score.ts';
import { RULES } from '../../../src/plays/rules.ts';
import { preset } from '../../support/models.ts';
import { firedRules, run } from './outcome-views.ts';
import { account, daysAgo } from './play-input.ts';
import { SCENARIOS } from './rule-scenarios.ts';

type Signals = Record<string, string | number>;

/** Each preset's signals at their best and at their worst, in the model's order; `between`
 * reaches a narrow tier the one-at-a-time walk steps over. */
const EXTREMES: Record<string, { best: Signals; worst: Signals; between?: Signals }> = {
  'cs-engine': {
    best: {
      dau_mau_pct: 70,
      feature_breadth_pct: 80,
      core_actions_pct_of_target: 120,
      login_trend: 'up',
      champion_coverage: 'multi_threaded',
      goals_met: 'all',
      payment_standing: 'expanding',
    },
    worst: {
      dau_mau_pct: 5,
      feature_breadth_pct: 10,
      core_actions_pct_of_target: 10,
      login_trend: 'down',
      champion_coverage: 'no_champion',
      goals_met: 'none',
      payment_standing: 'late',
    },
  },
  services: {
    best: {
      meeting_attendance_pct: 100,
      response_time_hours: 12,
      deliverable_engagement: 'implements_all',
      engaged_stakeholders: 5,
      nps: 10,
      exec_sponsor: 'quarterly',
      csm_relationship: 'trusted_advisor',
      support_sentiment: 'positive',
      outcome_achievement: 'exceeding',
      roi_multiple: 4,
      contract_payment: 'multi_year_on_time',
      growth_trajectory: 'growing',
    },
    worst: {
      meeting_attendance_pct: 0,
      response_time_hours: 'none',
      deliverable_engagement: 'ignores',
      engaged_stakeholders: 0,
      nps: 0,
      exec_sponsor: 'none',
      csm_relationship: 'adversarial',
      support_sentiment: 'escalated',
      outcome_achievement: 'none',
      roi_multiple: 0,
      contract_payment: 'overdue',
      growth_trajectory: 'cancellation_risk',
    },
    // Engagement (0 + 0 + 18 + 25) / 100 at weight 40, the rest full: 77, light green.
    between: {
      meeting_attendance_pct: 0,
      response_time_hours: 'none',
      deliverable_engagement: 'implements_some',
    },
  },
};

/** Explanations from all best to all worst, one signal turned at a time: every tier on the way. */
function spread(name: string): Explanation[] {
  const { best, worst, between } = EXTREMES[name]!;
  const keys = Object.keys(best);
  const walk = [...keys, 'all'].map((_, i) =>
    Object.fromEntries(keys.map((k, j) => [k, j < i ? worst[k]! : best[k]!])),
  );
  const extra = between ? [{ ...best, ...between }] : [];
  return [...walk, ...extra].map((signals) => explainAccount(preset(name), { signals }));
}

describe.each(Object.keys(EXTREMES))('the %s preset', (name) => {
  const tiers = preset(name).model.tiers.map((t) => t.key);
  const explanations = spread(name);

  it('spans every tier of the model in these tests', () => {
    const seen = new Set(explanations.map((e) => e.tier));
    expect([...seen].sort()).toEqual([...tiers].sort());
  });

  it.each(Object.keys(SCENARIOS))("runs %s's firing scenario without a hitch", (ruleId) => {
    for (const current of [explanations[0]!, explainAccount(preset(name), { signals: {} })]) {
      const outcome = run({ ...SCENARIOS[ruleId]!.fires, current, tiers });
      expect(outcome.verdicts.map((v) => v.ruleId)).toEqual(RULES.map((r) => r.id));
      for (const v of outcome.verdicts) expect(v.why, v.ruleId).not.toBe('');
    }
  });

  it('fires the tier rules by tier position: best, at risk (second-worst), critical (worst)', () => {
    const seen = account({ observed: { usage_near_limit: daysAgo(1) } });
    for (const current of explanations) {
      const fired = firedRules(run({ current, tiers, account: seen }));
      const at = current.tier;
      expect(fired.includes('tier-at-risk'), at).toBe(at === tiers.at(-2));
      expect(fired.includes('tier-critical'), at).toBe(at === tiers.at(-1));
      expect(fired.includes('usage-near-limit'), at).toBe(at === tiers[0]);
    }
  });
});

const RETENTION_TIERS = ['healthy', 'monitor', 'at_risk', 'critical'];

/** The preset's explanation at the tier that stands where `tier` stands in retention-os. */
function samePlace(name: string, explanations: readonly Explanation[], from: Explanation) {
  const tiers = preset(name).model.tiers.map((t) => t.key);
  const index = RETENTION_TIERS.indexOf(from.tier);
  const position = index === 0 ? 0 : tiers.length - (RETENTION_TIERS.length - index);
  const found = explanations.find((e) => e.tier === tiers[position]);
  return found && { ...found, score: from.score };
}

describe.each(Object.keys(EXTREMES))('every rule with the %s preset', (name) => {
  const tiers = preset(name).model.tiers.map((t) => t.key);
  const explanations = spread(name);

  it.each(Object.keys(SCENARIOS))(
    '%s fires in its scenario at the same tier position',
    (ruleId) => {
      const scenario = SCENARIOS[ruleId]!.fires;
      const current = scenario.current
        ? samePlace(name, explanations, scenario.current)
        : explanations[0];
      const history = (scenario.history ?? []).map((p) => ({
        ...p,
        tier: tiers[Math.max(0, RETENTION_TIERS.indexOf(p.tier))] ?? p.tier,
      }));
      const outcome = run({ ...scenario, current: current!, history, tiers });
      expect(firedRules(outcome)).toContain(ruleId);
    },
  );
});
