import { PAYING_SEGMENTS } from './account-segment.ts';
import type { PlayRule } from './rule-types.ts';
import {
  paymentFailing,
  paymentFailingHighValue,
  recentlyChurned,
  renewalStep,
} from './sequence-triggers.ts';
import { RENEWAL_RULES } from './renewal-rules.ts';

/**
 * A sequence's emails are timed from the enrolment, so the renewal sequence starts only close to
 * its day (offsetDays, with two weeks' slack for a late first run); later it would send the recap
 * and the contract talk after the renewal.
 */
const SEQUENCE_SLACK_DAYS = 14;

const always = () => true;

/** Renewal, win-back and payment recovery. A trial has no renewal. */
export const SEQUENCE_RULES: readonly PlayRule[] = [
  {
    id: 'renewal-sequence',
    section: '§6',
    title: 'Renewal coming: enrol the signers in the renewal sequence',
    episode: 'event',
    trigger: renewalStep(
      (s) => s.renewal.offsetDays,
      (s) => s.renewal.offsetDays - SEQUENCE_SLACK_DAYS - 1,
    ),
    segments: PAYING_SEGMENTS,
    actions: [{ kind: 'enroll', sequence: 'renewal', contacts: 'renewal-signers' }],
    priority: 'MEDIUM',
    due: null,
    routing: 'owner',
  },
  ...RENEWAL_RULES,
  {
    id: 'win-back',
    section: '§6',
    title: 'Churned: enrol the primary contacts in win-back',
    episode: 'event',
    trigger: recentlyChurned,
    forChurned: true,
    actions: [{ kind: 'enroll', sequence: 'winBack', contacts: 'primary' }],
    priority: 'LOW',
    due: null,
    routing: 'owner',
  },
  {
    id: 'payment-recovery',
    section: '§6',
    title: 'Payment failed twice: enrol in payment recovery',
    episode: 'crossing',
    trigger: paymentFailing,
    actions: [{ kind: 'enroll', sequence: 'paymentRecovery', contacts: 'primary' }],
    priority: 'HIGH',
    due: null,
    routing: 'owner',
    urgent: always,
  },
  {
    id: 'payment-recovery-high-value',
    section: '§6',
    title: 'Day 10 unpaid on a high-value account: write to them',
    episode: 'crossing',
    trigger: paymentFailingHighValue,
    actions: [
      {
        kind: 'task',
        type: 'EMAIL',
        subject: 'Still unpaid on day 10: send a personal note',
        steps: [
          'Write to the person who pays, in your own name: the last automatic retry is due, and updating the card takes a minute.',
          'Say their data and setup are safe while it is sorted out.',
        ],
        contacts: 'primary',
      },
    ],
    priority: 'HIGH',
    due: { kind: 'hours', hours: 24 },
    routing: 'owner',
    track: 'save',
    urgent: always,
  },
];
