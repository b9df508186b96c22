import { PAYING_SEGMENTS } from './account-segment.ts';
import type { PlayRule, TaskSpec } from './rule-types.ts';
import { renewalStep } from './sequence-triggers.ts';

/** The forecast check comes a month before the renewal plays proper (120/90/60-day milestones). */
const FORECAST_DAYS = 120;
const CONTRACT_DAYS = 30;
const ESCALATION_DAYS = 14;
const RED_ALERT_DAYS = 7;

const fixed = (days: number) => () => days;
const always = () => true;

function task(subject: string, steps: readonly string[]): TaskSpec {
  return { kind: 'task', type: 'TODO', subject, steps, contacts: 'renewal-signers' };
}

const step = {
  section: '§6',
  episode: 'event',
  segments: PAYING_SEGMENTS,
  track: 'renewal',
} as const;

/**
 * The renewal timeline as steps of one renewal task: each step fires once per renewal date, in
 * its own window, and updates the task the first step made.
 */
export const RENEWAL_RULES: readonly PlayRule[] = [
  {
    ...step,
    id: 'renewal-forecast',
    title: 'Renewal in four months: check the forecast',
    trigger: renewalStep(fixed(FORECAST_DAYS), (s) => s.renewal.offsetDays),
    actions: [
      task('Renewal in four months: check the forecast', [
        'Judge how likely the renewal is from health, usage and open issues, and note it in the forecast.',
        'Write down who signs on their side and what could stand in the way.',
      ]),
    ],
    priority: 'LOW',
    due: { kind: 'days', days: 7 },
    routing: 'owner',
  },
  {
    ...step,
    id: 'renewal-review',
    title: 'Renewal coming: internal account review',
    trigger: renewalStep((s) => s.renewal.offsetDays, fixed(CONTRACT_DAYS)),
    actions: [
      task('Renewal ahead: review the account before the renewal emails start', [
        'Review the health score, usage, open issues and the value they got this year.',
        'The renewal emails walk them through a recap, the ROI, the renewal talk and the contract; be ready for each.',
        'Decide whether to propose more seats, a higher plan or a longer term.',
      ]),
    ],
    priority: 'MEDIUM',
    due: { kind: 'days', days: 7 },
    routing: 'owner',
  },
  {
    ...step,
    id: 'renewal-contract',
    title: 'Renewal in 30 days: the contract should be out',
    trigger: renewalStep(fixed(CONTRACT_DAYS), fixed(ESCALATION_DAYS)),
    actions: [
      task('Renewal in 30 days: send the contract', [
        'Send the contract now if it is not out yet.',
        'If they are not ready to sign, find out what holds them back and tell your manager.',
      ]),
    ],
    priority: 'MEDIUM',
    due: { kind: 'business-days', days: 2 },
    routing: 'owner',
    urgent: always,
  },
  {
    ...step,
    id: 'renewal-escalation',
    title: 'Renewal in two weeks: bring in an executive if unsigned',
    trigger: renewalStep(fixed(ESCALATION_DAYS), fixed(RED_ALERT_DAYS)),
    actions: [
      task('Renewal in two weeks: follow up, with an executive if needed', [
        'Follow up on the contract with the person who signs.',
        'If it is stuck, ask an executive on our side to call theirs this week.',
      ]),
    ],
    priority: 'HIGH',
    due: { kind: 'hours', hours: 48 },
    routing: 'owner',
    urgent: always,
  },
  {
    ...step,
    id: 'renewal-red-alert',
    title: 'Renewal in a week and unsigned: red alert',
    trigger: renewalStep(fixed(RED_ALERT_DAYS), fixed(-1)),
    actions: [
      task('Renewal in a week and not signed: follow up every day', [
        'Follow up every day until it is signed, and tell your manager where it stands.',
        'If it is already signed, move the renewal date in HubSpot to the next term: that ends these tasks.',
      ]),
    ],
    priority: 'HIGH',
    due: { kind: 'same-day' },
    routing: 'owner-and-manager',
    urgent: always,
  },
];
