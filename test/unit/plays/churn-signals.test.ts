import { describe, expect, it } from 'vitest';
import type { PlayInput } from '../../../src/plays/play-types.ts';
import { explainAccount } from '../../../src/scoring/explain-score.ts';
import { preset } from '../../support/models.ts';
import { firedRules, ownerTasks, run, triggerOf, verdictOf } from './outcome-views.ts';
import { account, daysAgo, explain, NOW, point } from './play-input.ts';

const fires = (ruleId: string, over: Partial<PlayInput>) => firedRules(run(over)).includes(ruleId);
const verdict = (ruleId: string, over: Partial<PlayInput>) => verdictOf(run(over), ruleId);
/** The episode the rule's trigger was recorded with on the save track. */
const episodeOf = (ruleId: string, over: Partial<PlayInput>) =>
  triggerOf(run(over), ruleId)?.episode;

describe('churn signals derived from the score', () => {
  it.each([
    ['usage-down-50', { login_frequency_pct: 50 }, { login_frequency_pct: 51 }],
    ['champion-left', { champion_status: 'left' }, { champion_status: 'weak' }],
    ['missed-checkins', { checkin_attendance: 'sometimes' }, { checkin_attendance: 'usually' }],
    ['missed-checkins', { checkin_attendance: 'never' }, { checkin_attendance: 'always' }],
    ['stopped-responding', { reply_time_days: 'none' }, { reply_time_days: 6 }],
  ] as const)('%s fires once as a crossing on %o, not on %o', (ruleId, on, off) => {
    const first = run({ current: explain(on) });
    expect(firedRules(first)).toContain(ruleId);
    expect(first.active).toContain(ruleId);
    // Episode: the crossing's date in Berlin; the rule feeds the save task.
    expect(triggerOf(first, ruleId)?.episode).toBe('2025-03-12');
    expect(ownerTasks(first, 'save')).toHaveLength(1);
    const carried = { tracks: first.tracks, previouslyActive: new Set(first.active) };
    const again = run({ current: explain(on), ...carried });
    expect(again.actions.filter((a) => a.kind !== 'property')).toEqual([]);
    expect(verdictOf(again, ruleId)?.why).toMatch(/^still holds/);
    const quiet = run({ current: explain(off) });
    expect(quiet.active).not.toContain(ruleId);
    expect(triggerOf(quiet, ruleId)).toBeUndefined();
  });

  it('derives payment-failed-twice from two failures in a row', () => {
    expect(fires('payment-failed-twice', { account: account({ paymentFailures: 2 }) })).toBe(true);
    expect(fires('payment-failed-twice', { account: account({ paymentFailures: 1 }) })).toBe(false);
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
      expect(fires('engagement-down-3-weeks', { current: low, history: falling })).toBe(true);
    });

    it('does not fire when one week held flat', () => {
      const flat = falling.map((p, i) => (i === 1 ? { ...p, dimensions: { engagement: 9 } } : p));
      expect(fires('engagement-down-3-weeks', { current: low, history: flat })).toBe(false);
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
    expect(episodeOf('competitor-mentioned', { account: seen(30) })).toBe(daysAgo(30));
    expect(fires('competitor-mentioned', { account: seen(31) })).toBe(false);
    expect(verdict('competitor-mentioned', { account: seen(31) })?.why).toMatch(
      /more than 30 days ago/,
    );
  });

  it('give a new episode for a new observation', () => {
    const first = run({ account: seen(5) });
    expect(triggerOf(first, 'competitor-mentioned')?.episode).toBe(daysAgo(5));
    // The same report on a later run adds nothing; a new one joins the open save task.
    const carried = { tracks: first.tracks, previouslyActive: new Set(first.active) };
    expect(run({ account: seen(5), ...carried }).actions).toHaveLength(1);
    const second = run({ account: seen(1), ...carried });
    expect(second.tracks.save?.triggers.map((t) => t.episode)).toEqual([daysAgo(5), daysAgo(1)]);
    expect(second.actions[0]).toMatchObject({ kind: 'task-update', status: 'NOT_STARTED' });
  });

  it('win over the derivation, and the derived condition keeps it from firing twice', () => {
    const reported = account({ observed: { champion_left: daysAgo(2) } });
    const left = explain({ champion_status: 'left' });
    const first = run({ current: left, account: reported });
    expect(triggerOf(first, 'champion-left')?.episode).toBe(daysAgo(2));
    expect(first.active).toContain('champion-left');
    // A month on, the report is old news; the champion is still gone, so nothing new fires.
    const later = new Date(NOW.getTime() + 40 * 86_400_000);
    const after = run({
      now: later,
      current: left,
      account: reported,
      previouslyActive: new Set(first.active),
      tracks: first.tracks,
    });
    expect(verdictOf(after, 'champion-left')).toMatchObject({ fired: false, why: /^still holds/ });
    // The save task still hears of day 30, but the champion only once.
    const triggers = after.tracks.save!.triggers.map((t) => t.ruleId);
    expect(triggers).toEqual(['champion-left', 'checkpoint-30']);
  });

  it('fires a report that comes after the derived condition already raised it only once', () => {
    const left = explain({ champion_status: 'left' });
    const reported = account({ observed: { champion_left: daysAgo(1) } });
    const outcome = run({
      current: left,
      account: reported,
      previouslyActive: new Set(['champion-left']),
    });
    expect(outcome.actions.filter((a) => a.kind !== 'property')).toEqual([]);
    expect(verdictOf(outcome, 'champion-left')?.why).toMatch(/already raised from the score/);
  });

  it('ignore an unreadable date and say so', () => {
    const odd = account({ observed: { budget_review: 'last tuesday' } });
    expect(fires('budget-review', { account: odd })).toBe(false);
    expect(verdict('budget-review', { account: odd })?.why).toMatch(/unreadable date/);
  });
});
