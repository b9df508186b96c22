import type { Derivation } from './churn-derivations.ts';
import type { ChurnSignal, PlayInput, TaskType } from './play-types.ts';
import type { Due } from './rule-types.ts';

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
  /** Acts on the baseline run too (see PlayRule.urgent). */
  urgent?: (input: PlayInput) => boolean;
}
