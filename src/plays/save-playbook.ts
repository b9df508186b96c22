import { discountRule } from './discount-rule.ts';
import type { AccountFacts } from './play-types.ts';
import type { LikelyReason } from './rule-types.ts';

const REASONS: Record<LikelyReason, { words: string; moves: readonly string[] }> = {
  'low-usage': {
    words: 'low usage',
    moves: [
      'a hands-on training session on the features they skip',
      'a named person on our side to help their team for the next few weeks',
      'a simpler setup, cut back to what they actually use',
    ],
  },
  'not-seeing-value': {
    words: 'not seeing the value',
    moves: [
      'a value review with hard numbers on what they got so far',
      'a working session to tune their setup to their goals',
      'new, measurable goals with a check-in 30 days out',
    ],
  },
  'too-expensive': {
    words: 'the price',
    moves: [
      'a smaller plan rather than a cancellation',
      'a pause of a month or two, keeping their data and setup',
      'a better rate for an annual commitment',
    ],
  },
  'champion-left': {
    words: 'the champion leaving',
    moves: [
      'an introduction to whoever took over, within 48 hours',
      'a briefing for the new person: history, goals and results',
      'a fresh kickoff call with the new contact',
    ],
  },
  competitor: {
    words: 'a competitor',
    moves: [
      'pin down exactly which features or prices they compare',
      'an honest side-by-side comparison',
      'if we cannot match it, let them go on good terms',
    ],
  },
};

/** The five stages of DOMAIN §5 for this account: where it stands, what fits its reason. */
export function savePlaybook(reason: LikelyReason | null, account: AccountFacts): string {
  return [
    'Save playbook: this task is stage 1 of 5.',
    '1. Detect (now): tell your manager; pull the history and a short summary of the value delivered.',
    '2. Reach out: personally, before the due date. Do not mention churn or offer a discount yet.',
    '3. Listen: ask what would have to change for this to work for them.',
    `4. Intervene: ${intervention(reason)}`,
    '5. Outcome: if they stay, check health at 30, 60 and 90 days; if they leave, ask for an exit interview.',
    `Discounts: ${discountRule(account)}`,
  ].join('\n');
}

function intervention(reason: LikelyReason | null): string {
  if (reason === null)
    return 'the score does not point to one reason; pick the moves once you have listened.';
  const { words, moves } = REASONS[reason];
  return `the likely reason is ${words}. Options: ${moves.join('; ')}.`;
}
