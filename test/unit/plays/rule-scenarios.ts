import type { Priority } from '../../../src/plays/play-types.ts';
import { account, daysAgo, explain, NOW, point, withScore } from './play-input.ts';
import {
  IN_1_WEEK,
  IN_24H,
  IN_2_WEEKS,
  IN_3_DAYS,
  IN_48H,
  IN_5_BUSINESS_DAYS,
  NEXT_TOUCHPOINT,
  SAME_DAY,
  type Scenario,
} from './scenario-dues.ts';
import { SEQUENCE_SCENARIOS } from './sequence-scenarios.ts';

const healthy = explain();
const observed = (signal: string, days: number) => ({
  account: account({ observed: { [signal]: daysAgo(days) } }),
});

function churnSignal(signal: string, priority: Priority, due: string): Scenario {
  return { fires: observed(signal, 1), quiet: observed(signal, 31), once: 'event', priority, due };
}

const ALERT_SCENARIOS: Record<string, Scenario> = {
  'score-drop-7d': {
    // 16 points in five days: a sharp fall, still short of the 20 the 30-day rule needs.
    fires: { current: withScore(64), history: [point(NOW, 5, 80, 'healthy')] },
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
    // 22 points over the month, only 8 of them in the last week.
    fires: {
      current: withScore(58),
      history: [point(NOW, 20, 80, 'healthy'), point(NOW, 8, 66, 'monitor')],
    },
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
};

const CHURN_SCENARIOS: Record<string, Scenario> = {
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
};

export const SCENARIOS: Record<string, Scenario> = {
  ...ALERT_SCENARIOS,
  ...CHURN_SCENARIOS,
  ...SEQUENCE_SCENARIOS,
};

/** The rules whose trigger also gives the owner's manager a copy of the track's task. */
export const ESCALATIONS = [
  'tier-at-risk',
  'tier-critical',
  'data-export-request',
  'cancellation-terms-asked',
  'payment-failed-twice',
  'champion-left',
  'renewal-red-alert',
];
