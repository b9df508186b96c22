import { CHURN_SIGNALS, type ChurnSignal } from './play-types.ts';

/**
 * The model inputs each derivable churn signal is read from (any one will do); a signal not
 * listed can only be reported by a mapped date property. Kept beside the derivations it mirrors.
 */
const DERIVED_FROM: Partial<Record<ChurnSignal, readonly string[]>> = {
  champion_left: ['champion_status'],
  usage_down_50: ['login_frequency_pct', 'dau_mau_pct'],
  stopped_responding: ['reply_time_days'],
  missed_checkins: ['checkin_attendance'],
  billing_page_visits_up: ['billing_page_visits_30d'],
  engagement_down_3_weeks: ['engagement'],
};

/** Read from facts every portal has (payments, contacts' roles), whatever the model. */
const ALWAYS_DERIVED: readonly ChurnSignal[] = ['payment_failed_twice', 'stakeholder_change'];

/**
 * The churn signals that can never fire with this mapping and model: no property reports them
 * and the model has nothing to derive them from. `vitals doctor` names them.
 */
export function churnSignalsOff(
  reported: readonly string[],
  modelKeys: ReadonlySet<string>,
): ChurnSignal[] {
  return CHURN_SIGNALS.filter((signal) => {
    if (reported.includes(signal) || ALWAYS_DERIVED.includes(signal)) return false;
    return !(DERIVED_FROM[signal] ?? []).some((key) => modelKeys.has(key));
  });
}
