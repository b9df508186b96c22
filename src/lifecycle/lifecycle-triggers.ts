import { localDate } from '../plays/local-time.ts';
import { accountSegment } from '../plays/account-segment.ts';
import type { PlayInput } from '../plays/play-types.ts';
import { recentEvent } from '../plays/recent-event.ts';
import type { Trigger, TriggerResult } from '../plays/rule-types.ts';
import {
  daysFrom,
  firstBusinessDay,
  localDay,
  plusDays,
  plusMonths,
  previousMonth,
} from './calendar-days.ts';
import { lifecycleSettings } from './lifecycle-settings-of.ts';
import { ONBOARDING_LAST_DAY, inOnboarding, onboardingDay } from './onboarding-day.ts';
import { healthCadence, touchCadence } from './touch-cadence.ts';

/**
 * The cadence is overdue: the last logged touch is older than the account's cadence. The episode
 * is the day it fell due, so a rerun does not repeat it and a run after a missed day catches up
 * once; a new touch moves the next due day. The cadence is the tightest the account had since
 * that touch, so a recovery keeps the check-in already made instead of making a second one.
 */
export const cadenceOverdue: Trigger = {
  describe: () =>
    'no touch logged within the cadence for the segment (daily while critical, weekly while at risk)',
  check(input: PlayInput): TriggerResult {
    const facts = input.account.lifecycle;
    if (facts === undefined)
      return { why: 'engagement dates were not read in this evaluation', unknown: true };
    // In onboarding its steps set the touches; only an account in trouble needs more.
    const onboarding = inOnboarding(input);
    if (onboarding && healthCadence(input) === null)
      return { why: 'in onboarding: its steps set the touches to day 90' };
    const zone = input.settings.timeZone;
    const last = localDay(facts.lastTouchAt, zone);
    const cadence = onboarding ? healthCadence(input) : tightestSince(input, facts.lastTouchAt);
    if (cadence === null) return { why: 'no touch cadence for this segment (left to sequences)' };
    // Never touched: counted from the day it became a customer, when that is known.
    const start = onboardingDay(input);
    const from = last ?? ('start' in start ? start.start : null);
    if (from === null)
      return { event: 'no-touch', why: `no call, meeting or email is logged on the account` };
    const due = plusDays(from, cadence.days);
    const now = localDate(input.now, zone);
    if (last === null && now >= due)
      return {
        event: due,
        why: `no call, meeting or email is logged since the account started on ${from}; the cadence is ${cadence.basis}`,
      };
    if (now < due)
      return {
        why: `${last === null ? 'no touch yet since the start on' : 'last touch on'} ${from}; the next is due on ${due}`,
      };
    return {
      event: due,
      why: `last touch on ${from}, ${daysFrom(from, now)} days ago; the cadence is ${cadence.basis}`,
    };
  },
};

function tightestSince(input: PlayInput, since: string | null) {
  let best = touchCadence(input);
  if (since === null) return best;
  for (const point of input.history) {
    if (point.scoredAt < since) continue;
    const then = touchCadence(input, point.tier);
    if (then !== null && (best === null || then.days < best.days)) best = then;
  }
  return best;
}

/** A QBR is at most `qbrLeadDays` away: time for the prep brief. The QBR's date is the episode. */
export const qbrAhead: Trigger = {
  describe: (settings) =>
    `a QBR (a meeting or the QBR date property) in the next ${lifecycleSettings(settings).qbrLeadDays} days`,
  check(input: PlayInput): TriggerResult {
    const qbr = input.account.lifecycle?.qbr;
    if (qbr === undefined)
      return { why: 'QBR dates were not looked up in this evaluation', unknown: true };
    if (qbr.next === null) return { why: 'no QBR is scheduled' };
    const lead = lifecycleSettings(input.settings).qbrLeadDays;
    const away = daysFrom(localDate(input.now, input.settings.timeZone), qbr.next);
    if (away < 0) return { why: `the QBR on ${qbr.next} has passed` };
    if (away > lead)
      return {
        why: `QBR on ${qbr.next}; the brief comes ${lead} days before (${plusDays(qbr.next, -lead)})`,
      };
    return { event: qbr.next, why: `QBR on ${qbr.next}, in ${away} days` };
  },
};

/**
 * No QBR is booked though one is due by the segment's QBR cadence (counted from the last one,
 * or from two weeks after onboarding's day-90 review when none was ever held).
 */
export const qbrToBook: Trigger = {
  describe: () => 'no QBR booked when the segment cadence says one is due',
  check(input: PlayInput): TriggerResult {
    const qbr = input.account.lifecycle?.qbr;
    if (qbr === undefined)
      return { why: 'QBR dates were not looked up in this evaluation', unknown: true };
    if (qbr.next !== null) return { why: `the next QBR is booked for ${qbr.next}` };
    const segment = accountSegment(input.account);
    const every = lifecycleSettings(input.settings).cadence[segment ?? 'smb'].qbrDays;
    if (every === null) return { why: 'no QBR cadence for this segment' };
    const start = onboardingDay(input);
    const due =
      qbr.last !== null
        ? plusDays(qbr.last, every)
        : 'start' in start
          ? plusDays(start.start, ONBOARDING_LAST_DAY + 14)
          : null;
    if (due === null) return { why: 'no QBR on record and no start date to count from' };
    const now = localDate(input.now, input.settings.timeZone);
    if (now < due) return { why: `the next QBR is due by ${due}` };
    const since = qbr.last === null ? 'none held yet' : `the last was on ${qbr.last}`;
    return { event: due, why: `a QBR was due by ${due} and none is booked (${since})` };
  },
};

const YEAR_MARKS = [1, 2, 5];

/** The anniversaries worth marking: six months, then one, two and five years, then every five. */
function anniversaries(start: string, until: string): { date: string; words: string }[] {
  const out = [{ date: plusMonths(start, 6), words: 'six months' }];
  for (let years = 1; ; years += 1) {
    if (!YEAR_MARKS.includes(years) && years % 5 !== 0) continue;
    const date = plusMonths(start, 12 * years);
    if (date > until) break;
    out.push({ date, words: years === 1 ? 'one year' : `${years} years` });
  }
  return out;
}

const ANNIVERSARY_AHEAD = 7;
const ANNIVERSARY_AFTER = 14;

/** An anniversary a week ahead (time to prepare) up to two weeks after: its date is the episode. */
export const anniversary: Trigger = {
  describe: () =>
    `six months, one, two and five years as a customer (from ${ANNIVERSARY_AHEAD} days before to ${ANNIVERSARY_AFTER} days after)`,
  check(input: PlayInput): TriggerResult {
    const at = onboardingDay(input);
    if ('why' in at) return { why: at.why };
    const now = localDate(input.now, input.settings.timeZone);
    const near = anniversaries(at.start, plusDays(now, ANNIVERSARY_AHEAD)).filter(
      (a) =>
        a.date <= plusDays(now, ANNIVERSARY_AHEAD) && a.date >= plusDays(now, -ANNIVERSARY_AFTER),
    );
    const mark = near[near.length - 1];
    if (mark === undefined) return { why: `no anniversary near (a customer since ${at.start})` };
    return { event: mark.date, why: `${mark.words} as a customer on ${mark.date}` };
  },
};

/** The last NPS answer, given in the last 30 days, is in [min, max]: the survey date is the episode. */
export function npsBetween(min: number, max: number, group: string): Trigger {
  return {
    describe: () => `an NPS answer of ${min}–${max} (${group}) in the last 30 days`,
    check({ account, now, settings }: PlayInput): TriggerResult {
      const score = account.npsLast;
      if (score === null) return { why: 'no NPS answer' };
      if (score < min || score > max) return { why: `the last NPS answer is ${score}` };
      if (account.npsAt === null)
        return { why: `NPS ${score} without a survey date to tell it from an earlier one` };
      const answered = recentEvent(account.npsAt, now, settings.timeZone);
      if ('why' in answered) return { why: `NPS ${score}, ${answered.why}` };
      return { event: answered.episode, why: `NPS ${score} (${group}) given on ${answered.on}` };
    },
  };
}

/**
 * The first business day of the month: the value report of the month just ended. A run later in
 * the month catches up; an account that became a customer during that month waits a month.
 */
export const valueReportDue: Trigger = {
  describe: () => 'the first business day of each month (the report on the month just ended)',
  check(input: PlayInput): TriggerResult {
    if (!lifecycleSettings(input.settings).valueReport)
      return { why: 'switched off (plays.lifecycle.valueReport)' };
    const now = localDate(input.now, input.settings.timeZone);
    const first = firstBusinessDay(now);
    const month = previousMonth(now);
    if (now < first) return { why: `the report on ${month} comes on ${first}` };
    const since = localDay(input.account.customerSince, input.settings.timeZone);
    if (since !== null && since.slice(0, 7) >= month)
      return { why: `a customer since ${since}: the first report covers a whole month` };
    return { event: first, why: `the value report on ${month}, due on ${first}` };
  },
};
