import { localDate } from '../plays/local-time.ts';
import type { BriefInput } from './brief-input.ts';
import { companyName } from './brief-title.ts';
import type { Brief } from './brief-types.ts';
import { expansionSection } from './expansion-section.ts';
import { healthSection } from './health-section.ts';
import { movesSection } from './moves-section.ts';
import { outcomeEvidence } from './outcome-evidence.ts';
import { playsSection } from './plays-section.ts';
import { qbrAgenda } from './qbr-agenda.ts';
import { renewalSection } from './renewal-section.ts';
import { risksSection } from './risks-section.ts';
import { stakeholdersSection } from './stakeholders-section.ts';
import { tidySection } from './tidy-section.ts';

/** The QBR prep brief: what a CSM needs on one page before a quarterly review, from data only. */
export function qbrBrief(input: BriefInput): Brief {
  const name = companyName(input.account);
  const outcomes = outcomeEvidence(input);
  return {
    kind: 'qbr',
    title: input.qbrDate ? `QBR prep: ${name}, meeting on ${input.qbrDate}` : `QBR prep: ${name}`,
    companyId: input.account.companyId,
    generatedAt: input.now.toISOString(),
    generatedOn: localDate(input.now, input.timeZone),
    sections: [
      healthSection(input),
      movesSection(input),
      { key: 'outcomes', heading: 'Goals and ROI evidence', ...outcomes },
      playsSection(input),
      renewalSection(input),
      expansionSection(input),
      risksSection(input),
      stakeholdersSection(input),
    ].map(tidySection),
    agenda: qbrAgenda(input),
  };
}
