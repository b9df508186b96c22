import { describe, expect, it } from 'vitest';
import { explainAccount } from '../../../src/scoring/explain-score.ts';
import { FULL_MARKS, preset, WORKED_EXAMPLE } from '../../support/models.ts';

const model = preset('retention-os');
const SIGNALS = WORKED_EXAMPLE;

describe('explainAccount', () => {
  const explained = explainAccount(model, {
    signals: SIGNALS,
    modifiers: { nps_last: 4, days_since_last_contact: 30 },
  });

  it('gives the same score as the fast path: raw 51 less 10 for no contact', () => {
    expect(explained).toMatchObject({ score: 41, tier: 'at_risk', coverage: 63 });
    expect(explained.raw).toBeCloseTo(51, 10);
  });

  it('lists every signal with its value, points and a contribution; contributions add up to raw', () => {
    expect(explained.signals).toHaveLength(14);
    expect(explained.signals.find((s) => s.key === 'login_frequency_pct')).toMatchObject({
      value: 95,
      points: 10,
      dimension: 'usage',
      contribution: expect.closeTo(10, 10), // 30 × (1/3) × 10/10
    });
    expect(explained.signals.find((s) => s.key === 'roi_status')).toMatchObject({
      value: null,
      points: null,
      contribution: 0,
    });
    const sum = explained.signals.reduce((total, s) => total + s.contribution, 0);
    expect(sum).toBeCloseTo(explained.raw!, 10);
  });

  it('scores each dimension 0–10 with its weight, null where nothing had data', () => {
    expect(explained.dimensions.usage).toMatchObject({
      score: expect.closeTo(20 / 3, 10),
      weight: 30,
    });
    expect(explained.dimensions.relationship).toMatchObject({ score: 0, weight: 15 });
    const sparse = explainAccount(model, { signals: { usage_depth: 'advanced' } });
    expect(sparse.dimensions.engagement?.score).toBeNull();
  });

  it('reports the modifiers that applied and what each cost', () => {
    expect(explained.modifiers).toEqual([
      expect.objectContaining({
        key: 'days_since_last_contact',
        effect: 'penalty',
        amount: 10,
        impact: -10,
      }),
      // The cap at 74 applied to 41 costs nothing.
      expect.objectContaining({ key: 'nps_last', effect: 'cap', amount: 74, impact: 0 }),
    ]);
  });

  it('names the three drivers that cost the most points, worst first', () => {
    // champion left: 15 × 1/3 × 10/10 × 100/100 = 15 lost; reply "none": 25 × 1/2 × 9/10 = 11.25.
    expect(explained.drivers.map((d) => [d.key, d.impact])).toEqual([
      ['champion_status', -15],
      ['reply_time_days', -11.25],
      ['days_since_last_contact', -10],
    ]);
  });

  it('names the three levers that would add the most points, with how many', () => {
    expect(explained.levers).toEqual([
      expect.objectContaining({ key: 'champion_status', target: 'strong', gain: 15 }),
      expect.objectContaining({ key: 'reply_time_days', target: '< 1', gain: 11 }),
      expect.objectContaining({
        key: 'days_since_last_contact',
        kind: 'modifier',
        target: '< 21',
        gain: 10,
      }),
    ]);
  });

  it('shows the NPS cap as the top driver and lever when it is what holds the score down', () => {
    const capped = explainAccount(model, { signals: FULL_MARKS, modifiers: { nps_last: 3 } });
    expect(capped.score).toBe(74);
    expect(capped.drivers).toEqual([
      expect.objectContaining({ key: 'nps_last', kind: 'modifier', impact: -26 }),
    ]);
    expect(capped.levers).toEqual([
      expect.objectContaining({ key: 'nps_last', target: '> 6', gain: 26 }),
    ]);
  });

  it('puts a binding cap first among the drivers, since no signal can move the score past it', () => {
    // usage (10 + 4 + 3)/3 → raw 87; 30 days without contact → 77; NPS 3 caps at 74 (−3).
    const signals = { ...FULL_MARKS, core_features_adopted: 2, usage_depth: 'basic' };
    const capped = explainAccount(model, {
      signals,
      modifiers: { nps_last: 3, days_since_last_contact: 30 },
    });
    expect(capped.score).toBe(74);
    expect(capped.drivers.map((d) => [d.key, Math.round(d.impact)])).toEqual([
      ['nps_last', -3],
      ['days_since_last_contact', -10],
      ['usage_depth', -7],
    ]);
    expect(capped.levers.map((l) => [l.key, l.gain])).toEqual([['nps_last', 3]]);
  });

  it('explains an account with no data without inventing drivers or levers', () => {
    const empty = explainAccount(model, { signals: {}, modifiers: { nps_last: 2 } });
    expect(empty).toMatchObject({
      score: null,
      tier: 'unknown',
      coverage: 0,
      raw: null,
      drivers: [],
      levers: [],
      modifiers: [],
    });
  });

  it('offers no lever for a signal already at its best', () => {
    const full = explainAccount(model, { signals: FULL_MARKS });
    expect(full.levers).toEqual([]);
    expect(full.drivers).toEqual([]);
  });
});
