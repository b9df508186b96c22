import { noContactFor, npsDetractor } from './contact-triggers.ts';
import type { PlayRule } from './rule-types.ts';
import { scoreDrop, stableAtLeast, tierIs, tierRoseToBest } from './score-triggers.ts';

/** Plays on score and tier changes. The champion alert is a churn signal. */
export const ALERT_RULES: readonly PlayRule[] = [
  {
    id: 'score-drop-7d',
    section: '§3',
    title: 'Sharp score drop: reach out today',
    episode: 'crossing',
    trigger: scoreDrop(15, 7),
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'Health fell sharply this week: call today',
        steps: [
          'Read what costs the most points below: that is most likely what changed.',
          'Call your main contact today and ask openly how things are going with the product.',
          'Write what you learn in the notes so the next reading can be judged against it.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'HIGH',
    due: { kind: 'same-day' },
    routing: 'owner',
    track: 'save',
  },
  {
    id: 'score-drop-30d',
    section: '§3',
    title: 'Score slid over the month: review and find the cause',
    episode: 'crossing',
    trigger: scoreDrop(20, 30),
    actions: [
      {
        kind: 'task',
        type: 'TODO',
        subject: 'Health slid this month: review the account',
        steps: [
          'Go through usage, payments, open tickets and the last conversations.',
          'Write down the root cause as you see it, and the next step to fix it.',
          'If nothing is moving a week from now, bring it to your manager.',
        ],
        contacts: 'none',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'hours', hours: 48 },
    routing: 'owner',
    track: 'save',
  },
  {
    id: 'tier-at-risk',
    section: '§3',
    title: 'At risk: run the save playbook',
    episode: 'crossing',
    trigger: tierIs('at-risk'),
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'Account is at risk: start the save playbook',
        steps: [
          'Before you call, pull the account history and a short summary of the value delivered.',
          'Call your main contact: ask how things are going, and listen for the real reason.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'HIGH',
    due: { kind: 'hours', hours: 48 },
    routing: 'owner-and-manager',
    track: 'save',
  },
  {
    id: 'tier-critical',
    section: '§3',
    title: 'Critical: executive escalation',
    episode: 'crossing',
    trigger: tierIs('worst'),
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'Account is critical: escalate to an executive',
        steps: [
          'Bring in an executive on our side and set up a call with their decision maker.',
          'Agree between you who leads the conversation and what we can put on the table.',
          'Decide within a week whether we can save the account or should part on good terms.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'HIGH',
    due: { kind: 'hours', hours: 24 },
    routing: 'owner-and-manager',
    track: 'save',
    urgent: () => true,
  },
  {
    id: 'tier-healthy',
    section: '§3',
    title: 'Back to healthy: congratulate and talk growth',
    episode: 'crossing',
    trigger: tierRoseToBest(7),
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'Account is healthy again: say well done and talk growth',
        steps: [
          'Thank them for the work that got the account here and name what improved.',
          'Ask where they want to go next; listen for room to expand, and do not push.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'LOW',
    due: { kind: 'days', days: 7 },
    routing: 'owner',
    track: 'expansion',
  },
  {
    id: 'stable-90-two-quarters',
    section: '§3',
    title: 'Two quarters at 90+: ask for a referral or case study',
    episode: 'crossing',
    trigger: stableAtLeast(90, 182, 'two quarters (182 days)'),
    actions: [
      {
        kind: 'task',
        type: 'EMAIL',
        subject: 'Two strong quarters: ask for a referral or a case study',
        steps: [
          'Thank your champion for a strong half year, with one or two results in numbers.',
          'Ask whether they would introduce a peer, or tell their story in a short case study.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'LOW',
    due: { kind: 'days', days: 14 },
    routing: 'owner',
    track: 'expansion',
  },
  {
    id: 'nps-detractor',
    section: '§3',
    title: 'NPS detractor: personal outreach',
    episode: 'event',
    trigger: npsDetractor(6),
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'Low NPS answer: call them personally',
        steps: [
          'Call the person who answered (a call, not an email) and ask what went wrong.',
          'Agree on what will change and by when, then follow up on it.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'HIGH',
    due: { kind: 'hours', hours: 24 },
    routing: 'owner',
    track: 'save',
  },
  {
    id: 'no-contact-3-weeks',
    section: '§3',
    title: 'No contact for 3+ weeks: reach them',
    episode: 'crossing',
    trigger: noContactFor(21),
    actions: [
      {
        kind: 'task',
        type: 'TODO',
        subject: 'No contact in 3 weeks: try every channel',
        steps: [
          'Try more than one way in: email, phone, and a second contact at the company.',
          'If nobody answers by the due date, tell your manager.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'business-days', days: 5 },
    routing: 'owner',
    track: 'save',
  },
];
