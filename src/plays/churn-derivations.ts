import type { SignalValue } from '../scoring/compile-model.ts';
import { readingAt } from './history-readings.ts';
import { daysBefore } from './local-time.ts';
import type { PlayInput } from './play-types.ts';

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

/** Logins at half their usual rate or less is the "usage down 50 %" of DOMAIN §4. */
export const loginsHalved = fromSignal(
  'login_frequency_pct',
  'logins at ≤ 50 % of their usual rate',
  (v) => typeof v === 'number' && v <= 50,
  (v) => `logins at ${v} % of their usual rate`,
);

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
 * Three or more billing-page visits in 30 days, the band the model calls shopping to leave.
 * The history keeps no signal values, so "more visits than before" cannot be read directly.
 */
export const billingVisitsHigh = fromSignal(
  'billing_page_visits_30d',
  '3+ billing-page visits in 30 days',
  (v) => typeof v === 'number' && v >= 3,
  (v) => `${v} billing-page visits in 30 days`,
);

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
