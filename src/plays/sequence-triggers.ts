import { daysBetween, daysUntil, parseInstant } from './local-time.ts';
import type { PlayInput } from './play-types.ts';
import type { Trigger, TriggerResult } from './rule-types.ts';
import { shownDate } from './shown-date.ts';

/** From settings.renewal.offsetDays before the renewal date until the date itself. */
export const renewalApproaching: Trigger = {
  describe: (s) => `renewal date within ${s.renewal.offsetDays} days (once per renewal date)`,
  check({ account, now, settings }: PlayInput): TriggerResult {
    const date = account.renewalDate;
    if (!date) return { why: 'no renewal date' };
    const days = daysUntil(date, now, settings.timeZone);
    if (days === null) return { why: `unreadable renewal date "${date}"` };
    if (days < 0) return { why: `the renewal date ${date} has passed` };
    const offset = settings.renewal.offsetDays;
    if (days > offset)
      return { why: `renewal in ${days} days; its plays start ${offset} days before` };
    // daysUntil accepts only YYYY-MM-DD, so the date is already in its one stable spelling.
    return { event: date, why: `renewal on ${date}, in ${days} days` };
  },
};

/** Churned, and no longer ago than settings.winBack.maxDaysAfterChurn. */
export const recentlyChurned: Trigger = {
  describe: (s) =>
    `the account churned, up to ${s.winBack.maxDaysAfterChurn} days ago (once per churn)`,
  check({ account, now, settings }: PlayInput): TriggerResult {
    const at = parseInstant(account.churnedAt);
    if (!at)
      return {
        why: account.churnedAt ? `unreadable churn date "${account.churnedAt}"` : 'not churned',
      };
    const on = shownDate(at.toISOString(), settings.timeZone);
    const max = settings.winBack.maxDaysAfterChurn;
    if (daysBetween(at, now) > max) return { why: `churned on ${on}, more than ${max} days ago` };
    return { event: at.toISOString(), why: `churned on ${on}` };
  },
};

/**
 * An unpaid failure is open. A crossing, not an event per failure: the recovery sequence itself
 * covers the retries, so one stretch of failures enrols once.
 */
export const paymentFailing: Trigger = {
  describe: () => 'a payment failed and is still unpaid (once per unpaid stretch)',
  check({ account }: PlayInput): TriggerResult {
    if (account.paymentFailures < 1) return { why: 'no unpaid failed payment' };
    return { crossing: true, why: `${account.paymentFailures} failed payment(s), unpaid` };
  },
};

/** paymentFailing, on an account worth at least settings.paymentRecovery.highValueMrr. */
export const paymentFailingHighValue: Trigger = {
  describe: (s) =>
    `a payment failed and is still unpaid, and MRR ≥ ${s.paymentRecovery.highValueMrr}`,
  check(input: PlayInput): TriggerResult {
    const failing = paymentFailing.check(input);
    const min = input.settings.paymentRecovery.highValueMrr;
    const mrr = input.account.mrr;
    if (!failing.crossing || (mrr !== null && mrr >= min)) return failing;
    const worth = mrr === null ? 'MRR is unknown' : `MRR ${mrr} is below ${min}`;
    return { why: `${failing.why}, but ${worth}` };
  },
};
