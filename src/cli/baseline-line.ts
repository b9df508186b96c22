import type { RescoreSummary } from '../jobs/run-rescore.ts';

/** The one line that says a run is (or previews) the portal's baseline, and what it recorded. */
export function baselineLine(counts: NonNullable<RescoreSummary['baseline']>): string {
  const recorded = [
    [counts.tracks, 'open track', 'without a task'],
    [counts.tasks, 'task', 'not created'],
    [counts.enrolments, 'enrolment', 'not made'],
  ] as const;
  const what = recorded
    .filter(([n]) => n > 0)
    .map(([n, noun, how]) => `${plural(n, noun)} ${how}`)
    .join(', ');
  return (
    'First run on this portal (the baseline): it acts only on what cannot wait, and records what ' +
    `already holds as the starting point instead of acting on it${what ? ` (${what})` : ''}. ` +
    'Later runs act on changes.'
  );
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
