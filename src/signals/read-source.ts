import type { SignalSource } from '../config/signal-source-schema.ts';
import type { SignalValue } from '../scoring/compile-model.ts';
import { championStatus } from './champion-status.ts';
import { companyValue } from './company-value.ts';
import { daysSince } from './days-since.ts';
import type { ReportProblem } from './extraction-problem.ts';
import type { HubSpotRecord } from './hubspot-record.ts';
import { latestContactNumber } from './latest-contact-number.ts';
import type { SignalTarget } from './signal-targets.ts';
import { stakeholderCount } from './stakeholder-count.ts';

export interface SourceInput {
  company: HubSpotRecord;
  contacts: readonly HubSpotRecord[];
  now: Date;
  report: ReportProblem;
}

/** The value one source gives for its signal or modifier; null when the data is missing. */
export function readSource(
  source: SignalSource,
  target: SignalTarget,
  { company, contacts, now, report }: SourceInput,
): SignalValue | null {
  switch (source.from) {
    case 'company':
      return companyValue(source, target, company, report);
    case 'associatedContactCount':
      return stakeholderCount(source, contacts);
    case 'champion':
      return championStatus(source, contacts);
    case 'daysSince':
      return daysSince(source, company, now, report);
    case 'latestContactNumber':
      return latestContactNumber(source, target, contacts, report);
  }
}
