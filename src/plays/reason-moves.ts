import type { LikelyReason } from './rule-types.ts';

/** The save playbook's interventions for each likely reason, in a rep's words. */
export const REASON_MOVES: Record<LikelyReason, { words: string; moves: readonly string[] }> = {
  'low-usage': {
    words: 'low usage',
    moves: [
      'a hands-on training session on the features they skip',
      'a named person on our side to help their team for the next few weeks',
      'a simpler setup, cut back to what they actually use',
    ],
  },
  disengaged: {
    words: 'their attention has moved elsewhere',
    moves: [
      'ask what changed in their priorities, and tie the product to the new ones',
      'agree a short, regular check-in that suits their calendar',
      'meet a second person on their side so the account does not rest on one busy contact',
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
      'a pause of one to three months, keeping their data, setup and price',
    ],
  },
  'thin-relationship': {
    words: 'too few people on their side know us',
    moves: [
      'ask your contact to introduce you to their manager or another team',
      'an executive on our side meets theirs',
      'a short briefing on the results so far that your contact can pass on',
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
