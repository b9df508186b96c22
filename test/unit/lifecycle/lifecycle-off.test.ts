import { describe, expect, it } from 'vitest';
import { lifecycleOff } from '../../../src/lifecycle/lifecycle-off.ts';
import { DEFAULT_LIFECYCLE_MAPPING } from '../../../src/signals/lifecycle-facts.ts';

describe('the lifecycle plays a mapping cannot fire', () => {
  it('names each one with the setting that turns it on', () => {
    expect(lifecycleOff('hs_v2_date_entered_customer', DEFAULT_LIFECYCLE_MAPPING)).toEqual([
      'onboarding-no-login (set plays.lifecycle.lastLoginProperty to a last-login date)',
      'onboarding-low-activation (set plays.lifecycle.activationProperty to the % of users active)',
      "the account executive's copy of nps-detractor-escalation (set plays.lifecycle.accountExecutiveProperty)",
    ]);
    expect(lifecycleOff(null, { ...DEFAULT_LIFECYCLE_MAPPING, qbrMeetingWord: null })[0]).toMatch(
      /^onboarding steps and risks and anniversaries \(set plays\.customerSinceProperty/,
    );
    expect(lifecycleOff(null, { ...DEFAULT_LIFECYCLE_MAPPING, qbrMeetingWord: null })).toContain(
      'qbr-prep (set plays.lifecycle.qbrMeetingWord or plays.lifecycle.qbrDateProperty)',
    );
  });

  it('names none when every fact is mapped', () => {
    const all = {
      ...DEFAULT_LIFECYCLE_MAPPING,
      lastLoginProperty: 'last_login_at',
      activationProperty: 'active_users_pct',
      accountExecutiveProperty: 'account_executive',
    };
    expect(lifecycleOff('hs_v2_date_entered_customer', all)).toEqual([]);
  });
});
