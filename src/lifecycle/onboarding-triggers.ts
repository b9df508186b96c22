import type { PlayInput } from '../plays/play-types.ts';
import type { Trigger, TriggerResult } from '../plays/rule-types.ts';
import { localDay, plusDays } from './calendar-days.ts';
import { ONBOARDING_LAST_DAY, onboardingDay } from './onboarding-day.ts';

/**
 * A milestone of the onboarding plan: due on day `day`, and caught up (once) on a later run up to
 * the day before the next milestone, after which that one is what matters.
 */
export function milestone(day: number, nextDay: number): Trigger {
  return {
    describe: () => `day ${day} of onboarding (until day ${nextDay - 1})`,
    check(input: PlayInput): TriggerResult {
      const at = onboardingDay(input);
      if ('why' in at) return { why: at.why };
      const due = plusDays(at.start, day);
      if (at.day < day) return { why: `day ${at.day} of onboarding; this step comes on ${due}` };
      if (at.day >= nextDay)
        return { why: `day ${at.day} of onboarding: this step was due on ${due}, a later one now` };
      return { event: due, why: `day ${day} of onboarding (the account started on ${at.start})` };
    },
  };
}

/** A risk of the onboarding period, looked for from day `from` until onboarding ends. */
function onboardingRisk(
  from: number,
  describe: string,
  risk: (input: PlayInput, start: string) => { found: string } | TriggerResult,
): Trigger {
  return {
    describe: () => `${describe}, from day ${from} of onboarding to day ${ONBOARDING_LAST_DAY}`,
    check(input: PlayInput): TriggerResult {
      const at = onboardingDay(input);
      if ('why' in at) return { why: at.why };
      if (at.day < from) return { why: `day ${at.day} of onboarding; checked from day ${from}` };
      if (at.day > ONBOARDING_LAST_DAY) return { why: 'onboarding is over (day 90 has passed)' };
      const found = risk(input, at.start);
      if ('why' in found) return found;
      // One episode per onboarding: the day the risk is first looked for.
      return { event: plusDays(at.start, from), why: found.found };
    },
  };
}

export const noLoginAfterDay3 = onboardingRisk(3, 'nobody has logged in', (input, start) => {
  const facts = input.account.lifecycle;
  if (facts?.lastLoginAt === undefined)
    return {
      why: 'no last-login property is mapped (plays.lifecycle.lastLoginProperty)',
      unknown: true,
    };
  const last = localDay(facts.lastLoginAt, input.settings.timeZone);
  if (last !== null && last >= start) return { why: `last login on ${last}` };
  return { found: `nobody has logged in since the account started on ${start}` };
});

// "Delayed more than a week": nothing logged by the eighth day.
export const kickoffLate = onboardingRisk(8, 'no call or meeting logged', (input, start) => {
  const facts = input.account.lifecycle;
  if (facts === undefined)
    return { why: 'engagement dates were not read in this evaluation', unknown: true };
  const last = localDay(facts.lastTouchAt, input.settings.timeZone);
  if (last !== null && last >= start) return { why: `first touch logged on ${last}` };
  return { found: `more than a week in and no call, meeting or email is logged since ${start}` };
});

export const noExecutiveSponsor = onboardingRisk(7, 'no executive sponsor', (input) => {
  const here = input.account.contacts.filter((c) => !c.left);
  if (here.some((c) => c.roles.includes('EXECUTIVE_SPONSOR')))
    return { why: 'an executive sponsor is named' };
  return { found: 'no contact has the executive sponsor buying role' };
});

const ACTIVATION_MIN = 50;

export const lowActivationDay30 = onboardingRisk(
  30,
  `under ${ACTIVATION_MIN} % of users active`,
  (input) => {
    const pct = input.account.lifecycle?.activationPct;
    if (pct === undefined)
      return {
        why: 'no activation property is mapped (plays.lifecycle.activationProperty)',
        unknown: true,
      };
    if (pct === null) return { why: 'HubSpot holds no activation figure', unknown: true };
    if (pct >= ACTIVATION_MIN) return { why: `${pct} % of users are active` };
    return { found: `only ${pct} % of users are active at day 30 (under ${ACTIVATION_MIN} %)` };
  },
);
