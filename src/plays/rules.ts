import { ALERT_RULES } from './alert-rules.ts';
import { CHURN_RULES } from './churn-rules.ts';
import { EXPANSION_RULES } from './expansion-rules.ts';
import { LIFECYCLE_RULES } from '../lifecycle/lifecycle-rules.ts';
import type { PlayRule } from './rule-types.ts';
import { SEQUENCE_RULES } from './sequence-rules.ts';

/** Every play: the alarms first, then the lifecycle. Ids are stable: they are part of the
 * ledger's keys. */
export const RULES: readonly PlayRule[] = [
  ...ALERT_RULES,
  ...CHURN_RULES,
  ...SEQUENCE_RULES,
  ...EXPANSION_RULES,
  ...LIFECYCLE_RULES,
];
