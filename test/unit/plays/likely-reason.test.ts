import { describe, expect, it } from 'vitest';
import { likelyReason } from '../../../src/plays/likely-reason.ts';
import { explainAccount } from '../../../src/scoring/explain-score.ts';
import { compileTiny, preset } from '../../support/models.ts';
import { bodyOf, run } from './outcome-views.ts';
import { account, explain } from './play-input.ts';
import { BY_REASON, DIMENSION } from './reason-signals.ts';

describe('likelyReason', () => {
  it.each(Object.entries(BY_REASON))(
    'reads %s from the dimension that loses points',
    (reason, s) => {
      const current = explain(s);
      const finding = likelyReason(current);
      expect(finding).toMatchObject({
        reason,
        dimension: DIMENSION[reason as keyof typeof DIMENSION],
      });
      // Points lost: the dimension's share of the weight × what it misses of full marks.
      const d = current.dimensions[finding!.dimension]!;
      expect(finding!.lost).toBeCloseTo((d.weight / 100) * (10 - d.score!) * 10, 9);
    },
  );

  it('picks the one dimension that loses the most points, not the lowest score', () => {
    // Outcome scores 1/10 but weighs 10: 9 points. Usage at 5.7/10 weighs 30: 13 points.
    const mixed = explain({
      goal_status: 'unclear',
      roi_status: 'negative',
      usage_depth: 'basic',
      core_features_adopted: 2,
    });
    expect(mixed.dimensions.outcome!.score).toBeLessThan(mixed.dimensions.usage!.score!);
    expect(likelyReason(mixed)?.reason).toBe('low-usage');
  });

  it('says the champion left only when the relationship is the reason', () => {
    const both = explain({ champion_status: 'left', ...BY_REASON['low-usage'] });
    expect(likelyReason(both)?.reason).toBe('low-usage');
    expect(likelyReason(explain({ champion_status: 'left' }))?.reason).toBe('champion-left');
  });

  it('gives none for full marks or no data', () => {
    expect(likelyReason(explain())).toBeNull();
    expect(likelyReason(explainAccount(preset('retention-os'), { signals: {} }))).toBeNull();
  });

  it("reads the other presets' dimensions by their meaning", () => {
    const csEngine = explainAccount(preset('cs-engine'), {
      signals: { goals_met: 'none', login_trend: 'up', dau_mau_pct: 70 },
    });
    expect(likelyReason(csEngine)).toMatchObject({
      reason: 'not-seeing-value',
      dimension: 'outcomes',
    });
    const services = explainAccount(preset('services'), {
      signals: { outcome_achievement: 'none', growth_trajectory: 'cancellation_risk', nps: 10 },
    });
    expect(likelyReason(services)).toMatchObject({
      reason: 'not-seeing-value',
      dimension: 'business',
    });
    const quiet = explainAccount(preset('services'), {
      signals: { meeting_attendance_pct: 0, response_time_hours: 'none', nps: 10 },
    });
    expect(likelyReason(quiet)).toMatchObject({ reason: 'disengaged', dimension: 'engagement' });
  });

  it('passes over a dimension whose meaning it does not know', () => {
    // "support" loses the most, but names no reason; usage comes next.
    const tiny = explainAccount(compileTiny(), { signals: { seats_used_pct: 50, mood: 'angry' } });
    expect(likelyReason(tiny)).toMatchObject({ reason: 'low-usage', dimension: 'usage' });
    const onlySupport = explainAccount(compileTiny(), {
      signals: { seats_used_pct: 90, mood: 'angry' },
    });
    expect(likelyReason(onlySupport)).toBeNull();
  });
});

describe('the likely reason in the save task', () => {
  it('names the reason, what it costs, and its moves in the intervene stage', () => {
    const body = bodyOf(
      run({ current: explain(BY_REASON.disengaged), account: account({ daysSinceContact: 25 }) }),
      'save',
    );
    expect(body).toMatch(
      /4\. Intervene \(by 2025-04-11\): the likely reason is their attention has moved elsewhere \(engagement costs \d+ points\)\. Options: ask what changed in their priorities/,
    );
  });
});
