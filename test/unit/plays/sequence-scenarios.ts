import { account, daysAgo, explain, withScore } from './play-input.ts';
import {
  daysOut,
  IN_1_WEEK,
  IN_2_BUSINESS_DAYS,
  IN_2_WEEKS,
  IN_48H,
  IN_24H,
  SAME_DAY,
  type Scenario,
} from './scenario-dues.ts';

const healthy = explain();
const monitor = withScore(60);
const renewingIn = (days: number) => ({ account: account({ renewalDate: daysOut(days) }) });

function renewalStep(
  firesAt: number,
  quietAt: number,
  priority: Scenario['priority'],
  due: string,
): Scenario {
  return { fires: renewingIn(firesAt), quiet: renewingIn(quietAt), once: 'event', priority, due };
}

function expansion(signal: string, priority: Scenario['priority'] = 'MEDIUM'): Scenario {
  const seen = { account: account({ observed: { [signal]: daysAgo(1) } }) };
  return {
    fires: { ...seen, current: healthy },
    quiet: { ...seen, current: monitor },
    once: 'event',
    priority,
    due: IN_1_WEEK,
  };
}

/** Unpaid since the second failure: `days` days ago, so day 1 + `days` of the retry schedule. */
const unpaid = (days: number, mrr = 2000) =>
  account({ paymentFailures: 2, paymentFailedAt: daysAgo(days), mrr });

/** The renewal timeline, the sequences and expansion. */
export const SEQUENCE_SCENARIOS: Record<string, Scenario> = {
  'renewal-forecast': renewalStep(100, 121, 'LOW', IN_1_WEEK),
  // The sequence starts 90 days out, or up to two weeks late; at 75 days it would be too late.
  'renewal-sequence': { ...renewalStep(90, 75, 'MEDIUM', IN_1_WEEK), due: null },
  'renewal-review': renewalStep(50, 30, 'MEDIUM', IN_1_WEEK),
  'renewal-contract': renewalStep(20, 14, 'MEDIUM', IN_2_BUSINESS_DAYS),
  'renewal-escalation': renewalStep(10, 7, 'HIGH', IN_48H),
  'renewal-red-alert': renewalStep(3, -1, 'HIGH', SAME_DAY),
  'win-back': {
    fires: { account: account({ churnedAt: daysAgo(10) }) },
    quiet: { account: account({ churnedAt: daysAgo(31) }) },
    once: 'event',
    priority: 'LOW',
    due: null,
  },
  'payment-recovery': {
    fires: { account: unpaid(0) },
    quiet: { account: account({ paymentFailures: 1, paymentFailedAt: daysAgo(0) }) },
    once: 'crossing',
    priority: 'HIGH',
    due: null,
  },
  // The second failure already opened the save task (payment-failed-twice held before); day 10
  // of the unpaid stretch is this rule's own trigger.
  'payment-recovery-high-value': {
    fires: { account: unpaid(9), previouslyActive: new Set(['payment-failed-twice']) },
    quiet: { account: unpaid(8), previouslyActive: new Set(['payment-failed-twice']) },
    once: 'crossing',
    priority: 'HIGH',
    due: IN_24H,
  },
  'usage-near-limit': expansion('usage_near_limit'),
  'new-use-case': expansion('new_use_case'),
  'team-growth': expansion('team_growth'),
  'success-milestone': expansion('success_milestone', 'LOW'),
  'renewal-expansion': {
    fires: { current: healthy, account: account({ renewalDate: daysOut(50) }) },
    quiet: { current: monitor, account: account({ renewalDate: daysOut(50) }) },
    once: 'event',
    priority: 'MEDIUM',
    due: IN_2_WEEKS,
  },
};
