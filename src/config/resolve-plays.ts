import type { PlaySettings } from '../plays/play-types.ts';
import type { PlaysMapping } from './config.ts';
import type { PlaysSection } from './plays-section-schema.ts';

/**
 * The plays section split into what the plays core takes (PlaySettings, exactly) and where the
 * shell reads the account's facts from (PlaysMapping). The time zone falls back to the
 * schedule's, then UTC.
 */
export function resolvePlays(
  section: PlaysSection,
  scheduleTimezone: string | undefined,
): { plays: PlaySettings; playsMapping: PlaysMapping } {
  const lifecycle = section.lifecycle;
  const plays: PlaySettings = {
    timeZone: section.timeZone ?? scheduleTimezone ?? 'UTC',
    fallbackOwnerId: section.fallbackOwnerId,
    managers: section.managers,
    dailyTaskCapPerOwner: section.dailyTaskCapPerOwner,
    workdayStartHour: section.workdayStartHour,
    workdayEndHour: section.workdayEndHour,
    nextTouchpointDays: section.nextTouchpointDays,
    renewal: section.renewal,
    winBack: section.winBack,
    paymentRecovery: section.paymentRecovery,
    sender: section.sender,
    disabledRules: [...new Set(section.disabledRules)],
    lifecycle: {
      enabled: lifecycle.enabled,
      cadence: lifecycle.cadence,
      criticalTouchDays: lifecycle.criticalTouchDays,
      atRiskTouchDays: lifecycle.atRiskTouchDays,
      qbrLeadDays: lifecycle.qbrLeadDays,
      valueReport: lifecycle.valueReport,
      dailyTaskBudgetPercent: lifecycle.dailyTaskBudgetPercent,
    },
  };
  const { churn, payment } = section;
  const playsMapping: PlaysMapping = {
    enabled: section.enabled,
    settleAfterSeconds: section.settleAfterSeconds,
    signals: section.signals,
    churn: churn && {
      property: churn.property,
      equals: String(churn.equals),
      dateProperty: churn.dateProperty ?? null,
    },
    renewalDateProperty: section.renewalDateProperty,
    customerSinceProperty: section.customerSinceProperty ?? null,
    payment: {
      failedAtProperty: payment.failedAtProperty ?? null,
      failuresProperty: payment.failuresProperty ?? null,
    },
    lifecycle: {
      touchProperties: lifecycle.touchProperties,
      lastLoginProperty: lifecycle.lastLoginProperty,
      activationProperty: lifecycle.activationProperty,
      accountExecutiveProperty: lifecycle.accountExecutiveProperty,
      qbrDateProperty: lifecycle.qbrDateProperty,
      qbrMeetingWord: lifecycle.qbrMeetingWord,
    },
  };
  return { plays, playsMapping };
}
