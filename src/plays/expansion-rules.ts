import { PAYING_SEGMENTS } from './account-segment.ts';
import { observedSignal } from './observed-signal.ts';
import type { ExpansionSignal, Priority } from './play-types.ts';
import type { PlayRule } from './rule-types.ts';
import { renewalStep } from './sequence-triggers.ts';

/** A growth talk needs time before the renewal: its 14-day task must fall due before the date. */
const RENEWAL_TALK_LAST_DAY = 14;

interface ExpansionPlay {
  signal: ExpansionSignal;
  words: string;
  title: string;
  subject: string;
  step: string;
  priority: Priority;
}

const OBSERVED: readonly ExpansionPlay[] = [
  {
    signal: 'usage_near_limit',
    words: 'usage reached 85 % or more of the plan limit',
    title: 'Near the plan limit: offer room to grow',
    subject: 'They are close to their plan limit: offer the next plan',
    step: 'Show them how close they are to the cap and what the next plan removes.',
    priority: 'MEDIUM',
  },
  {
    signal: 'new_use_case',
    words: 'they mentioned a new use case',
    title: 'New use case: show how we cover it',
    subject: 'They have a new use case: offer a short demo',
    step: 'Offer a short demo of how the product covers the problem they mentioned.',
    priority: 'MEDIUM',
  },
  {
    signal: 'team_growth',
    words: 'their team grew by 30 % or more',
    title: 'Team growing: offer seats and access',
    subject: 'Their team grew: offer more seats',
    step: 'Ask who joined and whether the new people should have access.',
    priority: 'MEDIUM',
  },
  {
    signal: 'success_milestone',
    words: 'they reached a success milestone',
    title: 'Milestone reached: congratulate and suggest the next step',
    subject: 'They hit a milestone: congratulate them',
    step: 'Congratulate them on the milestone and suggest what accounts at their stage add next.',
    priority: 'LOW',
  },
];

const NO_PRESSURE = 'One idea, no pressure: this is a conversation, not a pitch.';

/** Expansion: only accounts in the best tier, and never trials (see expansion-bar.ts). */
export const EXPANSION_RULES: readonly PlayRule[] = [
  ...OBSERVED.map((play): PlayRule => ({
    id: play.signal.replaceAll('_', '-'),
    section: '§7',
    title: play.title,
    episode: 'event',
    trigger: observedSignal(play.signal, play.words),
    segments: PAYING_SEGMENTS,
    bestTierOnly: true,
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: play.subject,
        steps: [play.step, NO_PRESSURE],
        contacts: 'key-people',
      },
    ],
    priority: play.priority,
    due: { kind: 'days', days: 7 },
    routing: 'owner',
    track: 'expansion',
  })),
  {
    id: 'renewal-expansion',
    section: '§7',
    title: 'Healthy renewal ahead: review what they need next',
    episode: 'event',
    trigger: renewalStep(
      (s) => s.renewal.offsetDays,
      () => RENEWAL_TALK_LAST_DAY,
    ),
    segments: PAYING_SEGMENTS,
    bestTierOnly: true,
    actions: [
      {
        kind: 'task',
        type: 'CALL',
        subject: 'Healthy renewal ahead: talk about what they need next',
        steps: [
          'Before the renewal, go over what changed for them this year and what they might need.',
          'A longer term or a bundle of add-ons can fit an account this healthy.',
        ],
        contacts: 'key-people',
      },
    ],
    priority: 'MEDIUM',
    due: { kind: 'days', days: 14 },
    routing: 'owner',
    track: 'expansion',
  },
];
