import { describe, expect, it } from 'vitest';
import { planFor, tierFor } from '../../../src/scoring/compile-model.ts';
import { scoreAccount } from '../../../src/scoring/score-account.ts';
import { compileTiny, FULL_MARKS, preset, WORKED_EXAMPLE } from '../../support/models.ts';

const model = preset('retention-os');
const score = (signals: Record<string, number | string | null>, modifiers = {}, segment?: 'smb') =>
  scoreAccount(model, { signals, modifiers, segment });

describe('scoreAccount with retention-os (DOMAIN §1, worked by hand)', () => {
  it('gives 100, healthy, full coverage when every signal is at full marks', () => {
    expect(score(FULL_MARKS)).toEqual({ score: 100, tier: 'healthy', coverage: 100 });
  });

  it('weights dimension means 30/25/20/15/10', () => {
    // usage (10+7+3)/3, engagement (1+7)/2, financial 7, relationship 0, outcome 7:
    // (30·6.667 + 25·4 + 20·7 + 15·0 + 10·7) / 10 = 51; coverage 30 + 16.67 + 6.67 + 5 + 5 = 63.3.
    expect(score(WORKED_EXAMPLE)).toEqual({ score: 51, tier: 'monitor', coverage: 63 });
  });

  it('drops missing signals and dimensions and re-normalises the weights', () => {
    // Only engagement (25) and relationship (15) have data: 100·(25·1 + 15·0)/40 = 62.5 → 63.
    const result = score({ reply_time_days: 0.5, champion_status: 'left', roi_status: null });
    expect(result).toEqual({ score: 63, tier: 'monitor', coverage: 13 });
  });

  it('rounds an exact .5 up', () => {
    // usage (10+4)/2 = 7, engagement 7, financial (7+10)/2 = 8.5, relationship (3+10)/2 = 6.5
    // over weight 90: 652.5 / 9 = 72.5 exactly; a sum of per-dimension shares gives 72.49999999999999.
    const result = score({
      login_frequency_pct: 95,
      core_features_adopted: 2,
      checkin_attendance: 'usually',
      payment_history: 'one_late',
      contract_value_trend: 'expanding',
      champion_status: 'weak',
      stakeholder_count: 3,
    });
    expect(result).toEqual({ score: 73, tier: 'monitor', coverage: 52 });
  });

  it('says there is no score instead of inventing one when no signal has data', () => {
    expect(score({})).toEqual({ score: null, tier: 'unknown', coverage: 0 });
    expect(score({ usage_depth: null }, { nps_last: 3 })).toEqual({
      score: null,
      tier: 'unknown',
      coverage: 0,
    });
  });

  it('bands percentages ≥90 → 10, ≥70 → 7, ≥50 → 4, else 1', () => {
    const points = (pct: number) => score({ login_frequency_pct: pct }).score;
    expect([250, 90, 89.9, 70, 69, 50, 49.99, 0].map(points)).toEqual([
      100, 100, 70, 70, 40, 40, 10, 10,
    ]);
  });

  it('bands reply time <1 → 10, <3 → 7, ≤5 → 4, else 1, and "none" → 1', () => {
    const points = (days: number | string) => score({ reply_time_days: days }).score;
    expect([0, 0.99, 1, 2.9, 3, 5, 5.1, 'none'].map(points)).toEqual([
      100, 100, 70, 70, 40, 40, 10, 10,
    ]);
  });

  it('gives 2 points for one stakeholder or none, 6 for two, 10 for three or more', () => {
    const points = (n: number) => score({ stakeholder_count: n }).score;
    expect([0, 1, 2, 3, 9].map(points)).toEqual([20, 20, 60, 100, 100]);
  });

  it('places scores on the tier boundaries healthy 75 · monitor 50 · at_risk 25 · critical 0', () => {
    const plan = planFor(model, null);
    const tiers = [100, 75, 74, 50, 49, 25, 24, 0].map((n) => tierFor(plan, n).key);
    expect(tiers).toEqual([
      'healthy',
      'healthy',
      'monitor',
      'monitor',
      'at_risk',
      'at_risk',
      'critical',
      'critical',
    ]);
  });
});

describe('exact .5 in cs-engine', () => {
  it('scores 53 where the float sum is 52.49999999999999', () => {
    // usage (6 + 7)/2 = 6.5 at 30, relationship 2 at 15, financial 6 at 15, over weight 60:
    // (195 + 30 + 90) / 60 × 10 = 52.5 exactly.
    const signals = {
      dau_mau_pct: 30,
      core_actions_pct_of_target: 75,
      champion_coverage: 'no_champion',
      payment_standing: 'on_time',
    };
    expect(scoreAccount(preset('cs-engine'), { signals })).toEqual({
      score: 53,
      tier: 'at_risk',
      coverage: 50,
    });
  });
});

describe('modifiers', () => {
  it('caps an NPS detractor (0–6) at 74, the top of monitor, and leaves a passive alone', () => {
    expect(score(FULL_MARKS, { nps_last: 6 })).toEqual({
      score: 74,
      tier: 'monitor',
      coverage: 100,
    });
    expect(score(FULL_MARKS, { nps_last: 0 }).score).toBe(74);
    expect(score(FULL_MARKS, { nps_last: 7 }).score).toBe(100);
  });

  it('takes 10 points for 21 or more days without contact', () => {
    expect(score(FULL_MARKS, { days_since_last_contact: 20.9 }).score).toBe(100);
    expect(score(FULL_MARKS, { days_since_last_contact: 21 }).score).toBe(90);
  });

  it('never goes below 0 and applies the cap after the penalty', () => {
    expect(
      score({ payment_history: 'failed_unresolved' }, { days_since_last_contact: 40 }).score,
    ).toBe(0);
    expect(score(FULL_MARKS, { nps_last: 2, days_since_last_contact: 30 }).score).toBe(74);
  });

  it('treats a null modifier as not given', () => {
    expect(score(FULL_MARKS, { nps_last: null }).score).toBe(100);
  });
});

describe('segments', () => {
  const model = compileTiny({
    segments: { enterprise: { weights: { usage: 20, support: 80 }, tiers: { good: 90 } } },
  });

  it('uses the segment weights and thresholds for accounts of that segment only', () => {
    const signals = { seats_used_pct: 100, mood: 'meh' };
    // default: 60·10 + 40·5 = 80 → good; enterprise: 20·10 + 80·5 = 60 → okay.
    expect(scoreAccount(model, { signals })).toEqual({ score: 80, tier: 'good', coverage: 100 });
    expect(scoreAccount(model, { signals, segment: 'enterprise' })).toEqual({
      score: 60,
      tier: 'okay',
      coverage: 100,
    });
    expect(scoreAccount(model, { signals, segment: 'smb' }).score).toBe(80);
  });

  it('moves a cap at the top of a tier with that segment’s thresholds', () => {
    const capped = compileTiny({
      segments: { enterprise: { tiers: { good: 90 } } },
      modifiers: [
        { key: 'nps', label: 'NPS', when: { atMost: 6 }, effect: { capAtTopOf: 'okay' } },
      ],
    });
    const signals = { seats_used_pct: 100, mood: 'happy' };
    expect(scoreAccount(capped, { signals, modifiers: { nps: 3 } }).score).toBe(69);
    expect(
      scoreAccount(capped, { signals, modifiers: { nps: 3 }, segment: 'enterprise' }).score,
    ).toBe(89);
  });
});

describe('signal weights inside a dimension (services)', () => {
  const services = preset('services');

  it('scores business health as the sum of its items’ points out of 100', () => {
    // Outcome 24/30, ROI 20/25, contract 16/20, growth 18/25 = 78/100 → 78.
    const result = scoreAccount(services, {
      signals: {
        outcome_achievement: 'meeting_most',
        roi_multiple: 2.4,
        contract_payment: 'annual_on_time',
        growth_trajectory: 'stable',
      },
    });
    expect(result).toEqual({ score: 78, tier: 'light_green', coverage: 30 });
  });

  it('counts coverage by weight: outcome alone is 30 of the 100 points of business', () => {
    const result = scoreAccount(services, { signals: { outcome_achievement: 'exceeding' } });
    expect(result).toEqual({ score: 100, tier: 'green', coverage: 9 });
  });
});
