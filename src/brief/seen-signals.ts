import { MEDIUM_CHURN_SIGNALS } from '../plays/churn-signals-medium.ts';
import { URGENT_CHURN_SIGNALS } from '../plays/churn-signals-urgent.ts';
import { daysBetween, parseInstant } from '../plays/local-time.ts';
import { EXPANSION_SIGNALS, type AccountFacts, type ExpansionSignal } from '../plays/play-types.ts';
import { dayOf } from './brief-words.ts';

/** A QBR looks back one quarter. */
export const LOOKBACK_DAYS = 90;

// The churn signals read as the plays' own tasks say them, so a brief and a task never name the
// same event two ways.
const CHURN_WORDS: Record<string, string> = Object.fromEntries(
  [...URGENT_CHURN_SIGNALS, ...MEDIUM_CHURN_SIGNALS].map((p) => [p.signal, p.words]),
);

const EXPANSION_WORDS: Record<ExpansionSignal, string> = {
  usage_near_limit: 'their usage came close to the plan limit',
  new_use_case: 'they raised a new use case',
  team_growth: 'their team grew',
  success_milestone: 'they reached a success milestone',
};

const EXPANSION_KEYS: ReadonlySet<string> = new Set(EXPANSION_SIGNALS);

export interface SeenSignal {
  key: string;
  /** What happened, as a short phrase starting in lower case. */
  words: string;
  /** The day it was observed (portal time). */
  on: string;
}

/**
 * The churn or expansion signals a mapped property reported in the last `days` days, newest
 * first. Any observed key that is not an expansion signal counts as a churn signal, so a signal
 * added later still shows up (in its key's words) instead of vanishing.
 */
export function seenSignals(
  account: AccountFacts,
  kind: 'churn' | 'expansion',
  now: Date,
  timeZone: string,
  days = LOOKBACK_DAYS,
): SeenSignal[] {
  const seen: (SeenSignal & { at: number })[] = [];
  for (const [key, iso] of Object.entries(account.observed)) {
    if (EXPANSION_KEYS.has(key) !== (kind === 'expansion')) continue;
    const at = parseInstant(iso);
    if (!iso || !at || daysBetween(at, now) > days) continue;
    seen.push({ key, words: signalWords(key), on: dayOf(iso, timeZone), at: at.getTime() });
  }
  return seen.sort((a, b) => b.at - a.at).map(({ key, words, on }) => ({ key, words, on }));
}

export function signalWords(key: string): string {
  return (
    CHURN_WORDS[key] ??
    (EXPANSION_WORDS as Record<string, string>)[key] ??
    `${key.replaceAll('_', ' ')} was reported`
  );
}
