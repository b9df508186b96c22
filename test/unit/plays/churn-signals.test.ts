import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type { PlayInput } from '../../../src/plays/play-types.ts';
import { explainAccount } from '../../../src/scoring/explain-score.ts';
import { preset } from '../../support/models.ts';
import { account, daysAgo, explain, input, NOW, point } from './play-input.ts';

const run = (over: Partial<PlayInput>) => evaluatePlays(input(over));
const tasksOf = (ruleId: string, over: Partial<PlayInput>) =>
  run(over).actions.filter((a) => a.ruleId === ruleId && a.kind === 'task');
const verdict = (ruleId: string, over: Partial<PlayInput>) =>
  run(over).verdicts.find((v) => v.ruleId === ruleId);

describe('churn signals derived from the score', () => {
  it.each([
    ['usage-down-50', { login_frequency_pct: 50 }, { login_frequency_pct: 51 }],
    ['champion-left', { champion_status: 'left' }, { champion_status: 'weak' }],
    ['missed-checkins', { checkin_attendance: 'sometimes' }, { checkin_attendance: 'usually' }],
    ['missed-checkins', { checkin_attendance: 'never' }, { checkin_attendance: 'always' }],
    ['stopped-responding', { reply_time_days: 'none' }, { reply_time_days: 6 }],
    ['billing-page-visits-up', { billing_page_visits_30d: 3 }, { billing_page_visits_30d: 2 }],
  ] as const)('%s fires once as a crossing on %o, not on %o', (ruleId, on, off) => {
    const first = run({ current: explain(on) });
    expect(first.actions.filter((a) => a.ruleId === ruleId)).toHaveLength(1);
    expect(first.active).toContain(ruleId);
    // Episode: the crossing's date in Berlin.
    expect(first.actions.find((a) => a.ruleId === ruleId)?.key).toBe(`c1:${ruleId}:2025-03-12`);
    const again = run({ current: explain(on), previouslyActive: new Set(first.active) });
    expect(again.actions.filter((a) => a.ruleId === ruleId)).toEqual([]);
    expect(again.verdicts.find((v) => v.ruleId === ruleId)?.why).toMatch(/^still holds/);
    const quiet = run({ current: explain(off) });
    expect(quiet.active).not.toContain(ruleId);
    expect(quiet.actions.filter((a) => a.ruleId === ruleId)).toEqual([]);
  });

  it('derives payment-failed-twice from two failures in a row', () => {
    expect(
      tasksOf('payment-failed-twice', { account: account({ paymentFailures: 2 }) }),
    ).not.toEqual([]);
    expect(tasksOf('payment-failed-twice', { account: account({ paymentFailures: 1 }) })).toEqual(
      [],
    );
  });

  describe('engagement-down-3-weeks', () => {
    // Engagement of the full-marks account is 10; readings in force 7, 14 and 21 days ago.
    const falling = [
      point(NOW, 22, 90, 'healthy', { engagement: 9 }),
      point(NOW, 15, 85, 'healthy', { engagement: 8 }),
      point(NOW, 8, 80, 'healthy', { engagement: 7 }),
    ];
    const low = explain({ checkin_attendance: 'never', proactive_requests: 'never' });

    it('fires when engagement fell at each weekly reading', () => {
      expect(low.dimensions.engagement?.score).toBeLessThan(7);
      expect(tasksOf('engagement-down-3-weeks', { current: low, history: falling })).toHaveLength(
        1,
      );
    });

    it('does not fire when one week held flat', () => {
      const flat = falling.map((p, i) => (i === 1 ? { ...p, dimensions: { engagement: 9 } } : p));
      expect(tasksOf('engagement-down-3-weeks', { current: low, history: flat })).toEqual([]);
    });

    it('does not fire on less than three weeks of readings', () => {
      const short = falling.slice(1);
      expect(verdict('engagement-down-3-weeks', { current: low, history: short })?.why).toMatch(
        /fewer than 3 weeks/,
      );
    });
  });

  it('never derives a signal the model lacks or that has no data', () => {
    const sparse = explainAccount(preset('retention-os'), { signals: { usage_depth: 'basic' } });
    const outcome = run({ current: sparse });
    for (const id of ['usage-down-50', 'champion-left', 'missed-checkins', 'stopped-responding'])
      expect(outcome.active).not.toContain(id);
  });
});

describe('churn signals reported by a property', () => {
  const seen = (days: number) => account({ observed: { competitor_mentioned: daysAgo(days) } });

  it('are an event keyed by the observation time, counted for 30 days', () => {
    const actions = tasksOf('competitor-mentioned', { account: seen(30) });
    expect(actions.map((a) => a.key)).toEqual([`c1:competitor-mentioned:${daysAgo(30)}`]);
    expect(tasksOf('competitor-mentioned', { account: seen(31) })).toEqual([]);
    expect(verdict('competitor-mentioned', { account: seen(31) })?.why).toMatch(
      /more than 30 days ago/,
    );
  });

  it('give a new episode for a new observation', () => {
    const first = tasksOf('competitor-mentioned', { account: seen(5) })[0]?.key;
    const second = tasksOf('competitor-mentioned', { account: seen(1) })[0]?.key;
    expect(first).not.toBe(second);
  });

  it('win over the derivation, and the derived condition keeps it from firing twice', () => {
    const reported = account({ observed: { champion_left: daysAgo(2) } });
    const left = explain({ champion_status: 'left' });
    const first = run({ current: left, account: reported });
    const keys = first.actions.filter((a) => a.ruleId === 'champion-left').map((a) => a.key);
    expect(keys).toEqual([`c1:champion-left:${daysAgo(2)}`]);
    expect(first.active).toContain('champion-left');
    // A month on, the report is old news; the champion is still gone, so nothing new fires.
    const later = new Date(NOW.getTime() + 40 * 86_400_000);
    const after = run({
      now: later,
      current: left,
      account: reported,
      previouslyActive: new Set(first.active),
    });
    expect(after.actions.filter((a) => a.ruleId === 'champion-left')).toEqual([]);
  });

  it('fires a report that comes after the derived condition already raised it only once', () => {
    const left = explain({ champion_status: 'left' });
    const reported = account({ observed: { champion_left: daysAgo(1) } });
    const outcome = run({
      current: left,
      account: reported,
      previouslyActive: new Set(['champion-left']),
    });
    expect(outcome.actions.filter((a) => a.ruleId === 'champion-left')).toEqual([]);
    expect(outcome.verdicts.find((v) => v.ruleId === 'champion-left')?.why).toMatch(
      /already raised from the score/,
    );
  });

  it('ignore an unreadable date and say so', () => {
    const odd = account({ observed: { budget_review: 'last tuesday' } });
    expect(tasksOf('budget-review', { account: odd })).toEqual([]);
    expect(verdict('budget-review', { account: odd })?.why).toMatch(/unreadable date/);
  });
});
