import { localDate } from '../plays/local-time.ts';
import type { PlayInput } from '../plays/play-types.ts';
import { daysFrom, localDay } from './calendar-days.ts';

/** Onboarding runs from the start date (day 0) through day 90. */
export const ONBOARDING_LAST_DAY = 90;

export type OnboardingDay = { start: string; day: number } | { why: string };

/** Which day of onboarding the account is on, counted in the portal's calendar days. */
export function onboardingDay(input: PlayInput): OnboardingDay {
  const since = input.account.customerSince;
  if (since === undefined) return { why: 'no start date is mapped (plays.customerSinceProperty)' };
  const start = localDay(since, input.settings.timeZone);
  if (start === null) return { why: 'HubSpot holds no date the account became a customer' };
  const day = daysFrom(start, localDate(input.now, input.settings.timeZone));
  if (day < 0) return { why: `the account becomes a customer on ${start}` };
  return { start, day };
}

/** Still within the first 90 days. */
export function inOnboarding(input: PlayInput): boolean {
  const at = onboardingDay(input);
  return 'day' in at && at.day <= ONBOARDING_LAST_DAY;
}
