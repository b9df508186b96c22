import type { AccountSignals } from '../../src/scoring/score-account.ts';

// retention-os written out by hand (src/scoring/presets/): the baseline for how fast a scorer
// that knows one model at compile time can be. Keep it in step with presets/retention-os.yaml.

const DEPTH: Record<string, number> = { advanced: 10, intermediate: 6, basic: 3 };
const ATTENDANCE: Record<string, number> = { always: 10, usually: 7, sometimes: 4, never: 1 };
const REQUESTS: Record<string, number> = { monthly: 10, quarterly: 6, rarely: 3, never: 1 };
const PAYMENTS: Record<string, number> = {
  on_time: 10,
  one_late: 7,
  two_plus_late: 3,
  failed_unresolved: 0,
};
const TREND: Record<string, number> = { expanding: 10, stable: 6, contracting: 2 };
const CHAMPION: Record<string, number> = { strong: 10, moderate: 6, weak: 3, unknown: 3, left: 0 };
const SENTIMENT: Record<string, number> = { positive: 10, neutral: 6, negative: 2 };
const GOALS: Record<string, number> = { exceeding: 10, on_track: 7, behind: 3, unclear: 2 };
const ROI: Record<string, number> = { clear_positive: 10, probable: 6, unclear: 3, negative: 0 };

const NO_DATA = -1;

type Signals = Record<string, number | string | null | undefined>;

/** The retention-os score before rounding, or null when the account has no data at all. */
export function referenceWeightedSum(account: AccountSignals): number | null {
  const s = account.signals as Signals;
  let weighted = 0;
  let weight = 0;
  const usage = usageMean(s);
  if (usage >= 0) {
    weighted += 30 * usage;
    weight += 30;
  }
  const engagement = engagementMean(s);
  if (engagement >= 0) {
    weighted += 25 * engagement;
    weight += 25;
  }
  const financial = financialMean(s);
  if (financial >= 0) {
    weighted += 20 * financial;
    weight += 20;
  }
  const relationship = relationshipMean(s);
  if (relationship >= 0) {
    weighted += 15 * relationship;
    weight += 15;
  }
  const outcome = mean3(enumPoints(GOALS, s.goal_status), enumPoints(ROI, s.roi_status), NO_DATA);
  if (outcome >= 0) {
    weighted += 10 * outcome;
    weight += 10;
  }
  if (weight === 0) return null;
  return adjust((10 * weighted) / weight, account.modifiers);
}

/** The rounded retention-os score, or null when the account has no data at all. */
export function referenceScore(account: AccountSignals): number | null {
  const x = referenceWeightedSum(account);
  return x === null ? null : Math.round(x);
}

function adjust(raw: number, modifiers: AccountSignals['modifiers']): number {
  let score = raw;
  const days = modifiers?.days_since_last_contact;
  if (has(days) && days >= 21) score = Math.max(0, score - 10);
  const nps = modifiers?.nps_last;
  if (has(nps) && nps <= 6) score = Math.min(score, 74);
  return score;
}

function usageMean(s: Signals): number {
  const login = s.login_frequency_pct as number | null | undefined;
  const features = s.core_features_adopted as number | null | undefined;
  return mean3(
    has(login) ? (login >= 90 ? 10 : login >= 70 ? 7 : login >= 50 ? 4 : 1) : NO_DATA,
    has(features) ? (features >= 4 ? 10 : features >= 3 ? 7 : features >= 2 ? 4 : 1) : NO_DATA,
    enumPoints(DEPTH, s.usage_depth),
  );
}

function engagementMean(s: Signals): number {
  const days = s.reply_time_days;
  // The word "none" (no reply at all) earns what a slow reply does.
  const reply = !has(days) ? NO_DATA : typeof days === 'string' ? 1 : replyPoints(days);
  return mean3(
    reply,
    enumPoints(ATTENDANCE, s.checkin_attendance),
    enumPoints(REQUESTS, s.proactive_requests),
  );
}

function replyPoints(days: number): number {
  return days < 1 ? 10 : days < 3 ? 7 : days <= 5 ? 4 : 1;
}

function financialMean(s: Signals): number {
  const visits = s.billing_page_visits_30d as number | null | undefined;
  return mean3(
    enumPoints(PAYMENTS, s.payment_history),
    enumPoints(TREND, s.contract_value_trend),
    has(visits) ? (visits <= 0 ? 10 : visits <= 2 ? 6 : 2) : NO_DATA,
  );
}

function relationshipMean(s: Signals): number {
  const contacts = s.stakeholder_count as number | null | undefined;
  return mean3(
    enumPoints(CHAMPION, s.champion_status),
    has(contacts) ? (contacts >= 3 ? 10 : contacts >= 2 ? 6 : 2) : NO_DATA,
    enumPoints(SENTIMENT, s.last_sentiment),
  );
}

function enumPoints(table: Record<string, number>, value: unknown): number {
  return typeof value === 'string' ? table[value]! : NO_DATA;
}

/** Mean of the points that have data (NO_DATA drops out); NO_DATA when none has. */
function mean3(a: number, b: number, c: number): number {
  let sum = 0;
  let n = 0;
  if (a >= 0) {
    sum += a;
    n++;
  }
  if (b >= 0) {
    sum += b;
    n++;
  }
  if (c >= 0) {
    sum += c;
    n++;
  }
  return n === 0 ? NO_DATA : sum / n;
}

function has<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}
