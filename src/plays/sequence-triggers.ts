import { daysBetween, daysUntil, parseInstant } from './local-time.ts';
import type { PlayInput, PlaySettings } from './play-types.ts';
import type { Trigger, TriggerResult } from './rule-types.ts';
import { shownDate } from './shown-date.ts';

/**
 * The renewal is `from` days away or less and more than `until` days away: the window of one step
 * of the renewal timeline. An account first seen later joins at the step it is at, and the steps
 * it missed never fire (no 90-day review three days before the date).
 */
export function renewalStep(
  from: (s: PlaySettings) => number,
  until: (s: PlaySettings) => number,
): Trigger {
  return {
    describe: (s) => `renewal date ${until(s) + 1}–${from(s)} days away (once per renewal date)`,
    check({ account, now, settings }: PlayInput): TriggerResult {
      const date = account.renewalDate;
      if (!date) return { why: 'no renewal date' };
      const days = daysUntil(date, now, settings.timeZone);
      if (days === null) return { why: `unreadable renewal date "${date}"` };
      if (days < 0) return { why: `the renewal date ${date} has passed` };
      if (days > from(settings))
        return { why: `renewal in ${days} days; this step starts ${from(settings)} days before` };
      if (days <= until(settings))
        return { why: `renewal in ${days} days: past this step, a later one applies` };
      return { event: date, why: `renewal on ${date}, in ${days} days` };
    },
  };
}

/**
 * The win-back sequence opens with its day-7 email, and a sequence always starts at its first
 * step: enrolling later would send "we saved your setup" months after the churn. So it starts
 * only in the first 30 days after the churn (or maxDaysAfterChurn when that is shorter).
 */
export const WIN_BACK_START_DAYS = 30;

/** Churned, and recently enough for the win-back sequence to start at its first step. */
export const recentlyChurned: Trigger = {
  describe: (s) => `the account churned, up to ${winBackWindow(s)} days ago (once per churn)`,
  check({ account, now, settings }: PlayInput): TriggerResult {
    const at = parseInstant(account.churnedAt);
    if (!at)
      return {
        why: account.churnedAt ? `unreadable churn date "${account.churnedAt}"` : 'not churned',
      };
    const on = shownDate(at.toISOString(), settings.timeZone);
    const max = winBackWindow(settings);
    const since = Math.floor(daysBetween(at, now));
    if (since > max)
      return {
        why: `churned on ${on}, ${since} days ago: the win-back sequence starts at its first email, so it is only started within ${max} days of the churn`,
      };
    return { event: at.toISOString(), why: `churned on ${on}` };
  },
};

function winBackWindow(settings: PlaySettings): number {
  return Math.min(WIN_BACK_START_DAYS, settings.winBack.maxDaysAfterChurn);
}

/**
 * A first failed charge is often a passing hold and the automatic retry a day later usually
 * clears it, so nobody is written to until the second attempt fails. A crossing, not an event
 * per failure: the recovery sequence covers the later retries, so one unpaid stretch enrols once.
 */
export const paymentFailing: Trigger = {
  describe: () => 'a payment failed twice in a row and is still unpaid (once per unpaid stretch)',
  check({ account }: PlayInput): TriggerResult {
    const n = account.paymentFailures;
    if (n < 1) return { why: 'no unpaid failed payment' };
    if (n < 2) return { why: 'one failed payment: the automatic retry comes first' };
    return { crossing: true, why: `${n} failed payments in a row, unpaid` };
  },
};

/** Days from the first failure to the n-th attempt, by the retry schedule (24 h, 48 h, 72 h, day 10). */
const RETRY_DAYS = [0, 1, 3, 6, 10];
const PERSONAL_EMAIL_DAY = 10;

/** How far into the unpaid stretch the account is: the last failure's day by the schedule, plus
 * the days since it. */
function stretchDay(input: PlayInput): number | null {
  const at = parseInstant(input.account.paymentFailedAt);
  const n = input.account.paymentFailures;
  if (at === null || n < 1) return null;
  return RETRY_DAYS[Math.min(n, RETRY_DAYS.length) - 1]! + Math.floor(daysBetween(at, input.now));
}

/** Day 10 of an unpaid stretch (the final retry) on an account worth at least highValueMrr. */
export const paymentFailingHighValue: Trigger = {
  describe: (s) =>
    `day ${PERSONAL_EMAIL_DAY}+ of an unpaid stretch (the final retry), and MRR ≥ ${s.paymentRecovery.highValueMrr}`,
  check(input: PlayInput): TriggerResult {
    const failing = paymentFailing.check(input);
    if (!failing.crossing) return failing;
    const min = input.settings.paymentRecovery.highValueMrr;
    const mrr = input.account.mrr;
    if (mrr === null || mrr < min) {
      const worth = mrr === null ? 'MRR is unknown' : `MRR ${mrr} is below ${min}`;
      return { why: `${failing.why}, but ${worth}` };
    }
    const day = stretchDay(input);
    if (day === null) return { why: `${failing.why}, but no date of the last failure` };
    if (day < PERSONAL_EMAIL_DAY)
      return { why: `${failing.why}: day ${day} of ${PERSONAL_EMAIL_DAY} before a personal email` };
    return { crossing: true, why: `${failing.why}, day ${day} since the first failure` };
  },
};
