import type { Explanation } from '../scoring/explain-score.ts';

export interface Question {
  /** For the CSM's agenda: "ask …". */
  ask: string;
  /** For the customer, as it is put to them. */
  put: string;
}

const RESULTS: Question = {
  ask: 'which results they want by the next review, and how they will measure them',
  put: 'which results do you want to see by our next review, and how will you measure them?',
};

// What to ask a customer about an area of their health, by the dimension's meaning (the keys the
// shipped models use); any other dimension gets the open question.
const QUESTIONS: Record<string, Question> = {
  usage: {
    ask: 'what stops more of their team from using it every week',
    put: 'what stops more of your team from using it every week?',
  },
  engagement: {
    ask: 'how they would like to stay in touch, and how often',
    put: 'how would you like us to stay in touch, and how often?',
  },
  financial: {
    ask: 'how the cost sits with their budget for next year',
    put: 'how does the cost sit with your budget for next year?',
  },
  relationship: {
    ask: 'who else on their side should be part of the conversation',
    put: 'who else on your side should we be talking with?',
  },
  outcome: RESULTS,
  outcomes: RESULTS,
  business: RESULTS,
};

const OPEN: Question = {
  ask: 'what would make the biggest difference there',
  put: 'what would make the biggest difference there for you?',
};

export function dimensionQuestion(key: string): Question {
  return QUESTIONS[key] ?? OPEN;
}

/** A dimension's best score: at it, there is nothing to dig into. */
export const FULL_MARKS = 10;

export interface WeakestDimension {
  key: string;
  label: string;
  score: number;
}

/**
 * The dimension with the lowest score among those with data; the heavier one on a tie. `scores`
 * replaces the current scores (the value report asks about the month's end, not today).
 */
export function weakestDimension(
  current: Explanation,
  scores?: Readonly<Record<string, number | null>>,
): WeakestDimension | null {
  let weakest: (WeakestDimension & { weight: number }) | null = null;
  for (const [key, dimension] of Object.entries(current.dimensions)) {
    const d = scores ? { ...dimension, score: scores[key] ?? null } : dimension;
    if (d.score === null) continue;
    if (
      weakest === null ||
      d.score < weakest.score ||
      (d.score === weakest.score && d.weight > weakest.weight)
    )
      weakest = { key, label: d.label, score: d.score, weight: d.weight };
  }
  return weakest && { key: weakest.key, label: weakest.label, score: weakest.score };
}
