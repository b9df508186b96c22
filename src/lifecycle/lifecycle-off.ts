import type { LifecycleMapping } from '../config/config.ts';

/**
 * The lifecycle plays this mapping can never fire (or can only half do), each with the setting
 * that turns it on: what `vitals doctor` tells an admin who wonders why a play never came.
 */
export function lifecycleOff(
  customerSinceProperty: string | null,
  mapping: LifecycleMapping,
): string[] {
  const off: string[] = [];
  if (customerSinceProperty === null)
    off.push(
      'onboarding steps and risks and anniversaries (set plays.customerSinceProperty, e.g. hs_v2_date_entered_customer)',
    );
  if (mapping.lastLoginProperty === null)
    off.push('onboarding-no-login (set plays.lifecycle.lastLoginProperty to a last-login date)');
  if (mapping.activationProperty === null)
    off.push(
      'onboarding-low-activation (set plays.lifecycle.activationProperty to the % of users active)',
    );
  if (mapping.qbrMeetingWord === null && mapping.qbrDateProperty === null)
    off.push('qbr-prep (set plays.lifecycle.qbrMeetingWord or plays.lifecycle.qbrDateProperty)');
  if (mapping.accountExecutiveProperty === null)
    off.push(
      "the account executive's copy of nps-detractor-escalation (set plays.lifecycle.accountExecutiveProperty)",
    );
  return off;
}
