import type { RescoreSummary } from '../jobs/run-rescore.ts';

/**
 * The one line that says the store did not know what HubSpot had (it was new, emptied or lost)
 * and what Vitals took over from the portal instead of doing it again.
 */
export function adoptionLine(adopted: NonNullable<RescoreSummary['adopted']>): string {
  const what = [
    [adopted.tasks, 'open task'],
    [adopted.enrolments, 'sequence enrolment'],
  ] as const;
  const listed = what
    .filter(([n]) => n > 0)
    .map(([n, noun]) => `${n} ${noun}${n === 1 ? '' : 's'}`)
    .join(' and ');
  return (
    `The store had no record of Vitals' work in this portal, so it took over what HubSpot ` +
    `already had: ${listed || 'nothing'}. None is made again; later changes update those tasks.`
  );
}

/** The one line about creates and enrolments HubSpot answered with a server error. */
export function uncertainLine(uncertain: number, unsettled: number): string {
  const them = `${uncertain} task${uncertain === 1 ? '' : 's'} or enrolment${uncertain === 1 ? '' : 's'}`;
  const outcome =
    unsettled === 0
      ? 'the run looked for each in HubSpot afterwards and made the missing ones, so each happened once'
      : `${unsettled} could not be confirmed yet: the next run looks for ${unsettled === 1 ? 'it' : 'them'} in HubSpot before sending again`;
  return `HubSpot answered ${them} with a server error: ${outcome}.`;
}
