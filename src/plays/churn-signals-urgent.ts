import {
  championGone,
  checkinsMissed,
  noReplies,
  paymentFailedTwice,
  usageHalved,
} from './churn-derivations.ts';
import type { ChurnSignalPlay } from './churn-signal-play.ts';
import { daysBetween, parseInstant } from './local-time.ts';
import type { PlayInput } from './play-types.ts';

/** A champion who left in the last two weeks still has a successor to win over quickly. */
const CHAMPION_NEWS_DAYS = 14;

function leftRecently({ account, now }: PlayInput): boolean {
  const at = parseInstant(account.observed.champion_left);
  return at !== null && daysBetween(at, now) <= CHAMPION_NEWS_DAYS;
}

/** DOMAIN §4, critical and high severity. */
export const URGENT_CHURN_SIGNALS: readonly ChurnSignalPlay[] = [
  {
    signal: 'data_export_request',
    severity: 'critical',
    words: 'they asked to export their data',
    title: 'Data export request: call today',
    due: { kind: 'same-day' },
    type: 'CALL',
    subject: 'They asked to export their data: call today',
    steps: [
      'Call today and ask what the export is for: sometimes a report, often a move elsewhere.',
      'If they are leaving, learn why before you offer anything.',
    ],
  },
  {
    signal: 'cancellation_terms_asked',
    severity: 'critical',
    words: 'they asked about cancellation terms',
    title: 'Asked how to cancel: call today',
    due: { kind: 'same-day' },
    type: 'CALL',
    subject: 'They asked how to cancel: call today',
    steps: [
      'Answer the question plainly, then ask what made them ask.',
      'If they mean to leave, offer a pause before they cancel.',
    ],
  },
  {
    signal: 'payment_failed_twice',
    severity: 'critical',
    words: 'a payment failed a second time',
    derive: paymentFailedTwice,
    urgent: () => true,
    title: 'Second failed payment: call today',
    due: { kind: 'same-day' },
    type: 'CALL',
    subject: 'A payment failed twice: call today',
    steps: [
      'Call the person who pays: check the card, the budget holder and the invoice details.',
      'The payment-recovery emails keep going; this call comes on top of them.',
    ],
  },
  {
    signal: 'champion_left',
    section: '§3, §4',
    severity: 'critical',
    words: 'the champion left the company',
    derive: championGone,
    urgent: leftRecently,
    title: 'Champion left: find a new champion',
    due: { kind: 'hours', hours: 48 },
    type: 'CALL',
    subject: 'The champion has left: find a new one',
    steps: [
      'Ask the contacts who remain to introduce you to whoever takes over.',
      'Prepare a briefing for the newcomer: the history, the goals and the results so far.',
      'Offer the new contact a fresh kickoff call.',
    ],
  },
  {
    signal: 'usage_down_50',
    severity: 'high',
    words: 'usage fell by half or more from its usual level',
    derive: usageHalved,
    title: 'Usage halved: find out why',
    due: { kind: 'days', days: 3 },
    type: 'CALL',
    subject: 'Usage has halved: find out why',
    steps: [
      'Find out what changed: a team change, a paused project, or a problem with the product.',
      'Offer a short hands-on session on the work they do most.',
    ],
  },
  {
    signal: 'stopped_responding',
    severity: 'high',
    words: 'they stopped answering messages',
    derive: noReplies,
    title: 'Stopped responding: get an answer',
    due: { kind: 'days', days: 7 },
    type: 'TODO',
    subject: 'They stopped answering: try another way in',
    steps: [
      'Try another channel and another person at the company.',
      'Keep each message short and easy to answer: one question, one offer of help.',
    ],
  },
  {
    signal: 'missed_checkins',
    severity: 'high',
    words: 'they missed two or more check-ins',
    derive: checkinsMissed,
    title: 'Missed check-ins: reset the rhythm',
    due: { kind: 'days', days: 7 },
    type: 'CALL',
    subject: 'Check-ins are being missed: reset the rhythm',
    steps: [
      'Ask whether the time or the format of the check-ins still suits them; offer a shorter one.',
      'Send a two-line summary of what the missed check-ins would have covered.',
    ],
  },
];
