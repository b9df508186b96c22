import { daysBetween, parseInstant } from './local-time.ts';
import type { PlayInput } from './play-types.ts';

/** Growth talk waits until onboarding is through: the first 60 days are for getting value. */
export const ONBOARDING_DAYS = 60;
/** An NPS answer at or below this is a detractor's. */
const DETRACTOR_MAX = 6;

/**
 * Why no expansion play may fire for the account now, or null when it may: never while a save
 * episode is open, during onboarding, or after a detractor's NPS answer.
 */
export function expansionBar(input: PlayInput, saveOpen: boolean): string | null {
  if (saveOpen) return 'not while the account has an open save episode';
  const { npsLast, customerSince } = input.account;
  if (npsLast !== null && npsLast <= DETRACTOR_MAX)
    return `not after an NPS answer of ${npsLast} (${DETRACTOR_MAX} or less)`;
  const since = parseInstant(customerSince);
  if (since !== null && daysBetween(since, input.now) < ONBOARDING_DAYS)
    return `not in the first ${ONBOARDING_DAYS} days of the account (onboarding)`;
  return null;
}
