import { accountSegment } from '../plays/account-segment.ts';
import type { PlayInput } from '../plays/play-types.ts';
import { atRiskTier, tierLabel, worstTier } from '../plays/tier-positions.ts';
import { lifecycleSettings } from './lifecycle-settings-of.ts';

export interface Cadence {
  days: number;
  /** In words, e.g. "every 14 days (enterprise)" or "daily while critical". */
  basis: string;
}

/**
 * How often the account should hear from us: its segment's cadence, tightened while its health
 * is in the two worst tiers. Null when neither sets one (a healthy trial).
 */
export function touchCadence(input: PlayInput, tier = input.current.tier): Cadence | null {
  const settings = lifecycleSettings(input.settings);
  const segment = accountSegment(input.account);
  // An account of unknown segment gets the slowest paying cadence rather than none.
  const own = settings.cadence[segment ?? 'smb'].touchDays;
  const health =
    tier === worstTier(input.tiers)
      ? settings.criticalTouchDays
      : tier === atRiskTier(input.tiers)
        ? settings.atRiskTouchDays
        : null;
  const segmentWords =
    segment === null ? 'segment unknown, smb cadence' : segment.replace('_', '-');
  if (health !== null && (own === null || health < own))
    return { days: health, basis: `every ${days(health)} while ${tierLabel(tier)}` };
  if (own === null) return null;
  return { days: own, basis: `every ${days(own)} (${segmentWords})` };
}

/** The health overlay alone: what applies in onboarding, whose steps set the ordinary touches. */
export function healthCadence(input: PlayInput, tier = input.current.tier): Cadence | null {
  const settings = lifecycleSettings(input.settings);
  if (tier === worstTier(input.tiers))
    return {
      days: settings.criticalTouchDays,
      basis: `every ${days(settings.criticalTouchDays)} while ${tierLabel(tier)}`,
    };
  if (tier === atRiskTier(input.tiers))
    return {
      days: settings.atRiskTouchDays,
      basis: `every ${days(settings.atRiskTouchDays)} while ${tierLabel(tier)}`,
    };
  return null;
}

const days = (n: number) => (n === 1 ? 'day' : `${n} days`);
