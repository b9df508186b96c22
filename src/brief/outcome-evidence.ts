import { parseInstant } from '../plays/local-time.ts';
import type { SignalDetail } from '../scoring/explain-score.ts';
import type { BriefInput } from './brief-input.ts';
import { dayOf, valueWords } from './brief-words.ts';

export interface OutcomeEvidence {
  lines: string[];
  missing: string[];
}

// Models name their outcome signals as they like (goal_status, goals_met, roi_multiple,
// outcome_achievement): a key speaks of outcomes when one of its words starts like one of these.
const OUTCOME_WORDS = ['goal', 'roi', 'outcome', 'milestone'];

export function isOutcomeSignal(key: string): boolean {
  return key
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => OUTCOME_WORDS.some((start) => word.startsWith(start)));
}

/** What the account's goals and return on investment look like, from its own data only. */
export function outcomeEvidence(input: BriefInput): OutcomeEvidence {
  const signals = input.current.signals.filter((s) => isOutcomeSignal(s.key));
  const lines = signals.filter((s) => s.value !== null).map(signalLine);
  const missing = signals
    .filter((s) => s.value === null)
    .map((s) => `${s.label} has no value yet: fill the company property it is read from.`);
  const milestone = input.account.observed.success_milestone;
  // Only a readable date is evidence; anything else would be a guess.
  if (milestone && parseInstant(milestone))
    lines.push(`They reached a success milestone on ${dayOf(milestone, input.timeZone)}.`);
  if (lines.length > 0) return { lines, missing };
  if (signals.length === 0)
    missing.push(
      'The health model has no goal or ROI signal: add one (a goal status, for example) to track outcomes.',
    );
  missing.push(
    "No success milestone recorded: set the company's success milestone date when they reach one.",
  );
  return { lines, missing };
}

function signalLine(s: SignalDetail): string {
  const points =
    s.points === null
      ? ''
      : s.points >= s.maxPoints
        ? ' (full marks)'
        : ` (${round(s.points)} of ${s.maxPoints} points)`;
  return `${s.label}: ${valueWords(s.value)}${points}.`;
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}
