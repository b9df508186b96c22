import { describe, expect, it } from 'vitest';
import { discountRule } from '../../../src/plays/discount-rule.ts';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import { likelyReason } from '../../../src/plays/likely-reason.ts';
import type { PlayInput } from '../../../src/plays/play-types.ts';
import { account, daysAgo, explain, input, NOW, point } from './play-input.ts';

describe('discountRule', () => {
  it.each([
    [{ segment: 'enterprise', mrr: 100 }, /^Enterprise .*up to 25 % for 6 months/],
    [{ segment: 'mid_market', mrr: 100_000 }, /^Mid-market .*up to 15 % for 3 months/],
    [{ segment: 'smb', mrr: 9000 }, /^Small business .*no discount; a pause is the offer/],
  ])('takes the segment from the account when it is a known one: %o', (facts, text) => {
    expect(discountRule(account(facts))).toMatch(text);
  });

  it.each([
    [5000.01, /^Enterprise/],
    [5000, /^Mid-market/],
    [500, /^Mid-market/],
    [499.99, /^Small business/],
  ])('falls back to MRR otherwise: %d', (mrr, text) => {
    expect(discountRule(account({ segment: null, mrr }))).toMatch(text);
    expect(discountRule(account({ segment: 'trial', mrr }))).toMatch(text);
  });

  it('treats an account without segment or MRR as small business', () => {
    expect(discountRule(account({ segment: null, mrr: null }))).toMatch(
      /^Segment unknown .*a pause only/,
    );
  });

  it('always says pause before cancel and no discount as an expansion incentive when unhealthy', () => {
    for (const segment of ['enterprise', 'mid_market', 'smb']) {
      const text = discountRule(account({ segment }));
      expect(text).toMatch(/Offer a pause before accepting a cancellation\./);
      expect(text).toMatch(/Never use a discount to sell more to an account that is not healthy\./);
    }
  });
});

describe('likelyReason', () => {
  it.each([
    [{ login_frequency_pct: 20, core_features_adopted: 1 }, 'low-usage'],
    [{ goal_status: 'unclear', roi_status: 'negative' }, 'not-seeing-value'],
    [
      { payment_history: 'failed_unresolved', contract_value_trend: 'contracting' },
      'too-expensive',
    ],
    [
      { champion_status: 'left', stakeholder_count: 1, last_sentiment: 'negative' },
      'champion-left',
    ],
  ] as const)('reads %o as %s', (signals, reason) => {
    expect(likelyReason(explain(signals))).toBe(reason);
  });

  it('passes over drivers that name no reason, and gives up when none does', () => {
    // Engagement is the worst, usage next: usage gives the reason.
    const mixed = explain({
      reply_time_days: 'none',
      checkin_attendance: 'never',
      usage_depth: 'basic',
    });
    expect(mixed.drivers[0]?.key).toBe('reply_time_days');
    expect(likelyReason(mixed)).toBe('low-usage');
    expect(likelyReason(explain({ reply_time_days: 'none' }))).toBeNull();
    expect(likelyReason(explain({ champion_status: 'weak' }))).toBeNull();
  });
});

describe('task bodies', () => {
  const body = (ruleId: string, over: Partial<PlayInput>) => {
    const task = evaluatePlays(input(over)).actions.find((a) => a.ruleId === ruleId);
    if (task?.kind !== 'task') throw new Error(`${ruleId} made no task`);
    return task.body;
  };
  const atRisk = explain({
    login_frequency_pct: 20,
    core_features_adopted: 1,
    usage_depth: 'basic',
    checkin_attendance: 'never',
    proactive_requests: 'never',
    reply_time_days: 'none',
    payment_history: 'two_plus_late',
    champion_status: 'weak',
    goal_status: 'behind',
  });

  it('carry score, change, tier, top drivers, MRR and renewal', () => {
    expect(atRisk.tier).toBe('at_risk');
    const text = body('tier-at-risk', {
      current: atRisk,
      history: [point(NOW, 10, 80, 'healthy')],
      account: account({ mrr: 12_500, renewalDate: '2025-04-11' }),
    });
    expect(text).toContain(`Health: ${atRisk.score}/100, at risk (data coverage 100 %)`);
    expect(text).toContain(`down ${80 - atRisk.score!} since 2025-03-02 (80)`);
    const [first] = atRisk.drivers;
    expect(text).toContain(`Costing the most: ${first!.label} (−${Math.round(-first!.impact)})`);
    expect(text).toContain('MRR: $12,500');
    expect(text).toContain('Renewal: 2025-04-11, in 30 days');
  });

  it('measure a drop against the high point that triggered it', () => {
    const text = body('score-drop-30d', {
      current: atRisk,
      history: [point(NOW, 25, 90, 'healthy'), point(NOW, 12, 70, 'monitor')],
    });
    expect(text).toContain(`down ${90 - atRisk.score!} since 2025-02-15 (90)`);
  });

  it('hold the save playbook with the interventions for the likely reason and the segment discount', () => {
    const text = body('tier-at-risk', { current: atRisk, account: account({ mrr: 8000 }) });
    expect(text).toMatch(/Save playbook: this task is stage 1 of 5\./);
    expect(text).toMatch(
      /4\. Intervene: the likely reason is low usage\. Options: a hands-on training/,
    );
    expect(text).toMatch(/Discounts: Enterprise \(over \$5,000 MRR\)/);
  });

  it('take the reason from the signal itself when it tells one', () => {
    const seen = account({ observed: { competitor_mentioned: daysAgo(1) } });
    expect(body('competitor-mentioned', { current: atRisk, account: seen })).toMatch(
      /the likely reason is a competitor/,
    );
  });

  it('leave the save playbook out of plays that are not about saving the account', () => {
    const text = body('no-contact-3-weeks', { account: account({ daysSinceContact: 30 }) });
    expect(text).not.toMatch(/Save playbook|Discounts/);
    expect(text).toMatch(/^Why now: no contact for 30 days\./);
  });
});
