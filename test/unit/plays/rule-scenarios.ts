import type { PlayInput, Priority } from '../../../src/plays/play-types.ts';
import { account, daysAgo, explain, NOW, point, withScore } from './play-input.ts';

// NOW is Wednesday 2025-03-12 10:00 in Berlin (09:00 UTC); the workday ends at 17:00 (16:00 UTC).
const SAME_DAY = '2025-03-12T16:00:00.000Z';
const IN_24H = '2025-03-13T09:00:00.000Z';
const IN_48H = '2025-03-14T09:00:00.000Z';
const IN_3_DAYS = '2025-03-15T09:00:00.000Z';
const IN_1_WEEK = '2025-03-19T09:00:00.000Z';
const IN_2_WEEKS = '2025-03-26T09:00:00.000Z';
const NEXT_TOUCHPOINT = '2025-03-22T09:00:00.000Z'; // settings.nextTouchpointDays = 10
const IN_5_BUSINESS_DAYS = '2025-03-19T16:00:00.000Z';

/** How one rule is shown to fire, to stay quiet, to act once, and when its task is due. */
export interface Scenario {
  fires: Partial<PlayInput>;
  quiet: Partial<PlayInput>;
  once: 'crossing' | 'event';
  priority: Priority;
  /** The owner's task's due time; null for rules that only enrol. */
  due: string | null;
}

const healthy = explain();
const monitor = withScore(60);
const observed = (signal: string, days: number) => ({
  account: account({ observed: { [signal]: daysAgo(days) } }),
});

function churnSignal(signal: string, priority: Priority, due: string): Scenario {
  return { fires: observed(signal, 1), quiet: observed(signal, 31), once: 'event', priority, due };
}

function expansion(signal: string): Scenario {
  const seen = observed(signal, 1);
  return {
    fires: { ...seen, current: healthy },
    quiet: { ...seen, current: monitor },
    once: 'event',
    priority: 'MEDIUM',
    due: IN_1_WEEK,
  };
}

export const SCENARIOS: Record<string, Scenario> = {
  'score-drop-7d': {
    fires: { current: withScore(60), history: [point(NOW, 5, 80, 'healthy')] },
    // 80 was 10 days ago; the reading in force a week ago is 70, so the fall inside 7 days is 10.
    quiet: {
      current: withScore(60),
      history: [point(NOW, 10, 80, 'healthy'), point(NOW, 8, 70, 'monitor')],
    },
    once: 'crossing',
    priority: 'HIGH',
    due: SAME_DAY,
  },
  'score-drop-30d': {
    fires: { current: withScore(55), history: [point(NOW, 20, 80, 'healthy')] },
    quiet: { current: withScore(65), history: [point(NOW, 20, 80, 'healthy')] },
    once: 'crossing',
    priority: 'MEDIUM',
    due: IN_48H,
  },
  'tier-at-risk': {
    fires: { current: withScore(40) },
    quiet: { current: withScore(60) },
    once: 'crossing',
    priority: 'HIGH',
    due: IN_48H,
  },
  'tier-critical': {
    fires: { current: withScore(20) },
    quiet: { current: withScore(40) },
    once: 'crossing',
    priority: 'HIGH',
    due: IN_24H,
  },
  'tier-healthy': {
    fires: { current: healthy, history: [point(NOW, 10, 70, 'monitor')] },
    // Healthy since 8 days ago: the rise is older than the week the rule looks at.
    quiet: {
      current: healthy,
      history: [point(NOW, 10, 70, 'monitor'), point(NOW, 8, 80, 'healthy')],
    },
    once: 'crossing',
    priority: 'LOW',
    due: IN_1_WEEK,
  },
  'stable-90-two-quarters': {
    fires: { current: healthy, history: [point(NOW, 200, 95, 'healthy')] },
    quiet: {
      current: healthy,
      history: [point(NOW, 200, 95, 'healthy'), point(NOW, 100, 88, 'healthy')],
    },
    once: 'crossing',
    priority: 'LOW',
    due: IN_2_WEEKS,
  },
  'nps-detractor': {
    fires: { account: account({ npsLast: 6, npsAt: daysAgo(2) }) },
    quiet: { account: account({ npsLast: 7, npsAt: daysAgo(2) }) },
    once: 'event',
    priority: 'HIGH',
    due: IN_24H,
  },
  'no-contact-3-weeks': {
    fires: { account: account({ daysSinceContact: 21 }) },
    quiet: { account: account({ daysSinceContact: 20 }) },
    once: 'crossing',
    priority: 'MEDIUM',
    due: IN_5_BUSINESS_DAYS,
  },
  'data-export-request': churnSignal('data_export_request', 'HIGH', SAME_DAY),
  'cancellation-terms-asked': churnSignal('cancellation_terms_asked', 'HIGH', SAME_DAY),
  'payment-failed-twice': churnSignal('payment_failed_twice', 'HIGH', SAME_DAY),
  'champion-left': churnSignal('champion_left', 'HIGH', IN_48H),
  'usage-down-50': churnSignal('usage_down_50', 'HIGH', IN_3_DAYS),
  'stopped-responding': churnSignal('stopped_responding', 'HIGH', IN_1_WEEK),
  'missed-checkins': churnSignal('missed_checkins', 'HIGH', IN_1_WEEK),
  'competitor-mentioned': churnSignal('competitor_mentioned', 'MEDIUM', NEXT_TOUCHPOINT),
  'budget-review': churnSignal('budget_review', 'MEDIUM', IN_1_WEEK),
  'stakeholder-change': churnSignal('stakeholder_change', 'MEDIUM', IN_2_WEEKS),
  'scope-cut-request': churnSignal('scope_cut_request', 'MEDIUM', NEXT_TOUCHPOINT),
  'ticket-spike-then-silence': churnSignal('ticket_spike_then_silence', 'MEDIUM', IN_1_WEEK),
  'billing-page-visits-up': churnSignal('billing_page_visits_up', 'MEDIUM', NEXT_TOUCHPOINT),
  'engagement-down-3-weeks': churnSignal('engagement_down_3_weeks', 'MEDIUM', IN_2_WEEKS),
  'renewal-sequence': {
    fires: { account: account({ renewalDate: '2025-06-10' }) }, // 90 days ahead
    quiet: { account: account({ renewalDate: '2025-06-11' }) },
    once: 'event',
    priority: 'MEDIUM',
    due: null,
  },
  'renewal-review': {
    fires: { account: account({ renewalDate: '2025-05-01' }) },
    quiet: { account: account({ renewalDate: '2025-03-11' }) },
    once: 'event',
    priority: 'MEDIUM',
    due: IN_1_WEEK,
  },
  'win-back': {
    fires: { account: account({ churnedAt: daysAgo(10) }) },
    quiet: { account: account({ churnedAt: daysAgo(366) }) },
    once: 'event',
    priority: 'LOW',
    due: null,
  },
  'payment-recovery': {
    fires: { account: account({ paymentFailures: 1, paymentFailedAt: daysAgo(1) }) },
    quiet: { account: account({ paymentFailures: 0, paymentFailedAt: daysAgo(1) }) },
    once: 'crossing',
    priority: 'HIGH',
    due: null,
  },
  'payment-recovery-high-value': {
    fires: { account: account({ paymentFailures: 1, mrr: 2000 }) },
    quiet: { account: account({ paymentFailures: 1, mrr: 1999 }) },
    once: 'crossing',
    priority: 'HIGH',
    due: IN_48H,
  },
  'usage-near-limit': expansion('usage_near_limit'),
  'new-use-case': expansion('new_use_case'),
  'team-growth': expansion('team_growth'),
  'success-milestone': { ...expansion('success_milestone'), priority: 'LOW' },
  'renewal-expansion': {
    fires: { current: healthy, account: account({ renewalDate: '2025-05-01' }) },
    quiet: { current: monitor, account: account({ renewalDate: '2025-05-01' }) },
    once: 'event',
    priority: 'MEDIUM',
    due: IN_2_WEEKS,
  },
};

/** The rules whose task also goes to the owner's manager. */
export const ESCALATIONS = [
  'tier-critical',
  'data-export-request',
  'cancellation-terms-asked',
  'payment-failed-twice',
  'champion-left',
];
