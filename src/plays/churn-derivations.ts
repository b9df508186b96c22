import type { SignalValue } from '../scoring/compile-model.ts';
import { readingAt } from './history-readings.ts';
import { readingFrom } from './signal-readings.ts';
import { daysBefore } from './local-time.ts';
import type { PlayInput } from './play-types.ts';

/** Changes are measured against a reading this old: a month, one window of the 30-day counts. */
const COMPARE_DAYS = 28;

/** A churn signal read from the score instead of a property. */
export interface Derivation {
  describe: string;
  /** Null when the model or the account has no data for it: then it never derives. */
  check(input: PlayInput): { holds: boolean; why: string } | null;
}

function signalValue(input: PlayInput, key: string): SignalValue | null {
  return input.current.signals.find((s) => s.key === key)?.value ?? null;
}

function fromSignal(
  key: string,
  describe: string,
  holds: (value: SignalValue) => boolean,
  words: (value: SignalValue) => string,
): Derivation {
  return {
    describe,
    check(input) {
      const value = signalValue(input, key);
      return value === null ? null : { holds: holds(value), why: words(value) };
    },
  };
}

/** Logins at half their usual rate or less: the signal itself is measured against their own
 * usual rate, so the level is the change. */
const loginsHalved = fromSignal(
  'login_frequency_pct',
  'logins at ≤ 50 % of their usual rate',
  (v) => typeof v === 'number' && v <= 50,
  (v) => `logins at ${v} % of their usual rate`,
);

/** Daily active users at half or less of what they were four weeks or more ago. */
const activeUsersHalved: Derivation = {
  describe: 'daily/monthly active users at ≤ 50 % of their reading four weeks earlier',
  check(input) {
    const now = signalValue(input, 'dau_mau_pct');
    if (typeof now !== 'number') return null;
    const before = readingFrom(input, 'dau_mau_pct', COMPARE_DAYS);
    if (before === null)
      return { holds: false, why: `active users ${now} %, no reading four weeks back to compare` };
    const halved = before.value > 0 && now <= before.value / 2;
    return {
      holds: halved,
      why: `active users ${now} %, ${before.value} % on ${before.at.slice(0, 10)}`,
    };
  },
};

/** Usage halved, by whichever usage signal the model has. */
export const usageHalved: Derivation = {
  describe: `${loginsHalved.describe}, or ${activeUsersHalved.describe}`,
  check: (input) => loginsHalved.check(input) ?? activeUsersHalved.check(input),
};

/** Every contact with the champion role has left (the champion signal's "left"). */
export const championGone = fromSignal(
  'champion_status',
  'champion status is "left"',
  (v) => v === 'left',
  (v) => `champion status is "${v}"`,
);

/** "sometimes" or "never" at check-ins means at least two missed in a row, in practice. */
export const checkinsMissed = fromSignal(
  'checkin_attendance',
  'check-in attendance is "sometimes" or "never"',
  (v) => v === 'sometimes' || v === 'never',
  (v) => `check-in attendance is "${v}"`,
);

/** The reply-time signal says "none" when they no longer answer at all. */
export const noReplies = fromSignal(
  'reply_time_days',
  'reply time is "none" (no answers)',
  (v) => v === 'none',
  (v) => (v === 'none' ? 'they no longer reply' : `they reply in ${v} days`),
);

/**
 * More billing-page visits in the last 30 days than in the 30 days of a reading four weeks or
 * more ago, and at least 3 (the band the model calls shopping to leave): a level alone, however
 * high, is how this account always is.
 */
export const billingVisitsUp: Derivation = {
  describe: '3+ billing-page visits in 30 days, more than four weeks earlier',
  check(input) {
    const now = signalValue(input, 'billing_page_visits_30d');
    if (typeof now !== 'number') return null;
    const before = readingFrom(input, 'billing_page_visits_30d', COMPARE_DAYS);
    if (before === null)
      return {
        holds: false,
        why: `${now} billing-page visits in 30 days, no reading four weeks back to compare`,
      };
    return {
      holds: now >= 3 && now > before.value,
      why: `${now} billing-page visits in 30 days, ${before.value} in the 30 days to ${before.at.slice(0, 10)}`,
    };
  },
};

const STAKEHOLDER_ROLES = ['DECISION_MAKER', 'EXECUTIVE_SPONSOR', 'BUDGET_HOLDER'];

/**
 * A decision maker, executive sponsor or budget holder is marked as gone from the company (the
 * champion has a play of its own): the key stakeholder change that can be read without a report.
 */
export const stakeholderGone: Derivation = {
  describe: 'a decision maker, executive sponsor or budget holder left the company',
  check({ account }) {
    const key = account.contacts.filter((c) => c.roles.some((r) => STAKEHOLDER_ROLES.includes(r)));
    if (key.length === 0) return null;
    const gone = key.filter((c) => c.left);
    if (gone.length === 0)
      return { holds: false, why: 'their key stakeholders are all still there' };
    const names = gone.map((c) => c.name ?? `contact ${c.id}`).join(', ');
    return { holds: true, why: `${names} left the company` };
  },
};

/** Two or more failed payments in a row, from the account's billing facts. */
export const paymentFailedTwice: Derivation = {
  describe: '2+ failed payments in a row',
  check: ({ account }) => ({
    holds: account.paymentFailures >= 2,
    why: `${account.paymentFailures} failed ${account.paymentFailures === 1 ? 'payment' : 'payments'} in a row`,
  }),
};

/** The engagement dimension fell at each of the last three weekly readings. */
export const engagementFalling: Derivation = {
  describe: 'engagement fell at each of the last 3 weekly readings',
  check({ current, history, now }) {
    const latest = current.dimensions.engagement?.score;
    if (latest === undefined || latest === null) return null;
    const weekly = [latest];
    for (let week = 1; week <= 3; week++) {
      const value = readingAt(history, daysBefore(now, 7 * week))?.dimensions.engagement;
      if (value === undefined || value === null)
        return { holds: false, why: 'fewer than 3 weeks of engagement readings' };
      weekly.push(value);
    }
    const falling = weekly.every((value, i) => i === 0 || weekly[i - 1]! < value);
    const shown = weekly
      .map((v) => v.toFixed(1))
      .reverse()
      .join(' → ');
    return { holds: falling, why: `engagement by week: ${shown}` };
  },
};
