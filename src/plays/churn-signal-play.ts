import type { Derivation } from './churn-derivations.ts';
import type { ChurnSignal, TaskType } from './play-types.ts';
import type { Due, LikelyReason } from './rule-types.ts';

/** DOMAIN §4's three levels: critical ones also go to the owner's manager. */
export type Severity = 'critical' | 'high' | 'medium';

/** One churn signal of DOMAIN §4 and the task it gives; churnRules turns it into a rule row. */
export interface ChurnSignalPlay {
  signal: ChurnSignal;
  /** Defaults to "§4". */
  section?: string;
  severity: Severity;
  /** What happened, as a short phrase. */
  words: string;
  derive?: Derivation;
  title: string;
  due: Due;
  type: TaskType;
  subject: string;
  steps: readonly string[];
  /** The save playbook's likely reason when the signal itself tells it. */
  reason?: LikelyReason;
}
