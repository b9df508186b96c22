import type { LifecycleSettings } from '../plays/play-types.ts';

/**
 * The touch cadence by segment (the playbook's table: enterprise meets every two weeks and
 * reviews quarterly, mid-market monthly and twice a year, smb quarterly and yearly; trials are
 * left to automated sequences), and the health overlays: an account in the worst tier gets a
 * daily check-in until it recovers, one in the tier above a weekly checkpoint. New tasks a day,
 * alarms and lifecycle together, stay within 5 % of the accounts where the alarms leave room.
 */
export const DEFAULT_LIFECYCLE: LifecycleSettings = {
  enabled: true,
  cadence: {
    enterprise: { touchDays: 14, qbrDays: 91 },
    mid_market: { touchDays: 30, qbrDays: 182 },
    smb: { touchDays: 91, qbrDays: 365 },
    trial: { touchDays: null, qbrDays: null },
  },
  criticalTouchDays: 1,
  atRiskTouchDays: 7,
  qbrLeadDays: 14,
  valueReport: true,
  dailyTaskBudgetPercent: 5,
};
