import { PAYING_SEGMENTS } from './account-segment.ts';
import type { PlayRule } from './rule-types.ts';
import {
  paymentFailing,
  paymentFailingHighValue,
  recentlyChurned,
  renewalApproaching,
} from './sequence-triggers.ts';

/** DOMAIN §6: renewal, win-back and payment recovery. A trial has no renewal. */
export const SEQUENCE_RULES: readonly PlayRule[] = [
  {
    id: 'renewal-sequence',
    section: '§6',
    title: 'Renewal coming: enrol the signers in the renewal sequence',
    episode: 'event',
    trigger: renewalApproaching,
    segments: PAYING_SEGMENTS,
    actions: [{ kind: 'enroll', sequence: 'renewal', contacts: 'renewal-signers' }],
    priority: 'MEDIUM',
    due: null,
    routing: 'owner',
  },
  {
    id: 'renewal-review',
    section: '§6',
    title: 'Renewal coming: internal account review',
    episode: 'event',
    trigger: renewalApproaching,
    segments: PAYING_SEGMENTS,
    actions: [
      {
        kind: 'task',
        type: 'TODO',
        subject: 'Renewal ahead: review the account before the renewal emails start',
        steps: [
          'Review the health score, usage, open issues and the value they got this year.',
          'The renewal sequence now walks them through a recap, the ROI, the renewal talk and the contract; be ready for each.',
          'Decide whether to propose more seats, a higher plan or a longer term.',
          'If the contract is not signed a week before the date, treat it as an emergency.',
        ],
        contacts: 'none',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'days', days: 7 },
    routing: 'owner',
  },
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
    title: 'Payment failed: enrol in payment recovery',
    episode: 'crossing',
    trigger: paymentFailing,
    actions: [{ kind: 'enroll', sequence: 'paymentRecovery', contacts: 'primary' }],
    priority: 'HIGH',
    due: null,
    routing: 'owner',
  },
  {
    id: 'payment-recovery-high-value',
    section: '§6',
    title: 'Payment failed on a high-value account: write to them',
    episode: 'crossing',
    trigger: paymentFailingHighValue,
    actions: [
      {
        kind: 'task',
        type: 'EMAIL',
        subject: 'Payment failed on a key account: send a personal note',
        steps: [
          'Write to the person who pays, in your own name: the payment did not go through, and updating it takes a minute.',
          'Say their data and setup are safe while it is sorted out.',
        ],
        contacts: 'primary',
      },
    ],
    priority: 'HIGH',
    due: { kind: 'hours', hours: 48 },
    routing: 'owner',
  },
];
