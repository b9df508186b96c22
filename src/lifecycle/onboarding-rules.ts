import type { PlayRule } from '../plays/rule-types.ts';
import {
  kickoffLate,
  lowActivationDay30,
  milestone,
  noExecutiveSponsor,
  noLoginAfterDay3,
} from './onboarding-triggers.ts';

const base = {
  section: 'onboarding',
  family: 'onboarding',
  episode: 'event',
  routing: 'owner',
} as const;

/** The onboarding plan's steps, day 0 to day 90, and the risks to catch while it runs. */
export const ONBOARDING_RULES: readonly PlayRule[] = [
  {
    ...base,
    id: 'onboarding-kickoff',
    title: 'Onboarding day 0: welcome and kickoff',
    trigger: milestone(0, 3),
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'New customer: send a personal welcome and hold the kickoff',
        steps: [
          'Write them a personal welcome that mentions the goals they shared while buying, what happens next and who they will work with.',
          'Hold a 30-minute kickoff with their champion and, if you can, their executive sponsor: agree the goals, how success is measured and how often you will talk.',
          'Record their goals and success measures on the company in HubSpot.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'HIGH',
    due: { kind: 'business-days', days: 1 },
  },
  {
    ...base,
    id: 'onboarding-quick-win',
    title: 'Onboarding day 3: deliver a first quick win',
    trigger: milestone(3, 7),
    actions: [
      {
        kind: 'task',
        type: 'TODO',
        subject: 'Onboarding day 3: get them one visible result',
        steps: [
          'Pick one small result they can see this week (a first workflow live, a first report) and get it done with them.',
          'Tell their champion when it is done, in one line they can forward.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'business-days', days: 2 },
  },
  {
    ...base,
    id: 'onboarding-week-1-check-in',
    title: 'Onboarding day 7: first check-in',
    trigger: milestone(7, 14),
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'Onboarding day 7: check in before small problems grow',
        steps: [
          'Ask how the first week went and what is in their way; do not wait for them to raise it.',
          'Show what has been set up so far, even if it is small.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'business-days', days: 2 },
  },
  {
    ...base,
    id: 'onboarding-first-result',
    title: 'Onboarding day 14: share a first result in numbers',
    trigger: milestone(14, 30),
    actions: [
      {
        kind: 'task',
        type: 'EMAIL',
        subject: 'Onboarding day 14: show a first result in numbers',
        steps: [
          'Send one measurable result: what the number was, what it is now, and what that means for them.',
          'Ask whether it matches what they expected at this point.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'business-days', days: 3 },
  },
  {
    ...base,
    id: 'onboarding-day-30-review',
    title: 'Onboarding day 30: milestone review',
    trigger: milestone(30, 60),
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'Onboarding day 30: review progress against their goals',
        steps: [
          'Go through their success measures: which are met, which are behind, and why.',
          'Work out the return so far with them, in their own numbers.',
          'Agree what the next 60 days should bring, and write it on the company.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'business-days', days: 5 },
  },
  {
    ...base,
    id: 'onboarding-day-60-review',
    title: 'Onboarding day 60: adoption review',
    trigger: milestone(60, 90),
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'Onboarding day 60: find what they have not started using',
        steps: [
          'Check which features they use and which they have not touched; offer a short training on the ones that fit their goals.',
          'Ask to meet the other people on their side who should be involved.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'LOW',
    due: { kind: 'business-days', days: 5 },
  },
  {
    ...base,
    id: 'onboarding-graduation',
    title: 'Onboarding day 90: graduation review',
    trigger: milestone(90, 104),
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'Onboarding day 90: hold the graduation review',
        steps: [
          'Run it as a full business review: results against their goals, what comes next, and goals for the year.',
          'If the account is healthy, sketch the first year together; if not, agree the fix now, before the habit sets in.',
          'From here the account moves to the regular touch cadence of its segment.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'business-days', days: 5 },
  },
  {
    ...base,
    id: 'onboarding-no-login',
    title: 'Onboarding: nobody has logged in by day 3',
    trigger: noLoginAfterDay3,
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'Nobody has logged in yet: call them',
        steps: [
          'Call (do not email) the person who should be setting things up, and find out what is stopping them.',
          'Offer to do the first setup together on the call.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'HIGH',
    due: { kind: 'business-days', days: 1 },
  },
  {
    ...base,
    id: 'onboarding-kickoff-late',
    title: 'Onboarding: no kickoff after a week',
    trigger: kickoffLate,
    actions: [
      {
        kind: 'task',
        type: 'TODO',
        subject: 'Over a week in and no kickoff logged: get it booked',
        steps: [
          'If the kickoff happened, log it on the company so Vitals sees it.',
          'If not, tell your manager and offer the customer a few times that suit their calendar.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'business-days', days: 2 },
  },
  {
    ...base,
    id: 'onboarding-no-sponsor',
    title: 'Onboarding: no executive sponsor named',
    trigger: noExecutiveSponsor,
    actions: [
      {
        kind: 'task',
        type: 'EMAIL',
        subject: 'No executive sponsor yet: ask for an introduction',
        steps: [
          'Ask your champion to introduce you to their manager or whoever owns the budget.',
          'Once you know them, set their buying role to Executive sponsor in HubSpot.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'business-days', days: 5 },
  },
  {
    ...base,
    id: 'onboarding-low-activation',
    title: 'Onboarding: under half the users active at day 30',
    trigger: lowActivationDay30,
    actions: [
      {
        kind: 'task',
        type: 'TODO',
        subject: 'Under half their users are active: plan an adoption push',
        steps: [
          'Find out which teams have not started and why.',
          'Offer a short training for them and agree a date by which they should be using it.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'business-days', days: 5 },
  },
];
