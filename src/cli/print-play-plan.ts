import { BASELINE_REASON } from '../jobs/apply-plays.ts';
import type { PlanStep } from '../jobs/plays-preview.ts';
import type { RescoreSummary } from '../jobs/run-rescore.ts';
import { printSkipReasons } from './print-skip-reasons.ts';
import { baselineLine } from './baseline-line.ts';
import { waitingLine } from './waiting-line.ts';
import type { Io } from './process-io.ts';

const SEQUENCES = { renewal: 'Renewal', winBack: 'Win-back', paymentRecovery: 'Payment recovery' };

const HELD = 'held back (daily cap)';

/**
 * A dry run's plan: every task, update and enrolment the real run would make, grouped by the
 * person it reaches, with the tasks a daily cap would hold back marked, and why others would not
 * go out.
 */
export function printPlayPlan(
  plan: Pick<RescoreSummary, 'planned' | 'names' | 'baseline' | 'plays'>,
  io: Io,
): void {
  if (plan.baseline) io.out(`\n${baselineLine(plan.baseline)}\n`);
  if (plan.planned.length === 0) io.out('\nPlays: nothing new to do.\n');
  else printSteps(plan, io);
  const waiting = waitingLine(plan.plays.waiting, 'would wait');
  if (waiting) io.out(`\n${waiting}\n`);
  // The baseline's own skips are the line above.
  const skipped = plan.plays.skipped.filter((s) => s.reason !== BASELINE_REASON);
  if (skipped.length > 0) io.out('\n');
  printSkipReasons(
    skipped,
    { verb: 'would be skipped', command: 'vitals run --once --dry-run --json' },
    io,
  );
}

function printSteps(plan: Pick<RescoreSummary, 'planned' | 'names'>, io: Io): void {
  const names = (id: string) => plan.names.get(id) ?? `company ${id}`;
  const groups = new Map<string, PlanStep[]>();
  for (const step of plan.planned) {
    const who = groupOf(step);
    groups.set(who, [...(groups.get(who) ?? []), step]);
  }
  io.out(`\nPlays this run would carry out, nothing written: ${counts(plan.planned)}.\n`);
  for (const [who, steps] of groups) {
    io.out(`\n${who}\n`);
    for (const s of steps) io.out(`  ${s.heldBack ? `${HELD}: ` : ''}${describe(s, names)}\n`);
  }
}

function groupOf(step: PlanStep): string {
  if (step.kind === 'task-update') return 'Open tasks to update or complete';
  if (step.kind === 'note') return 'Notes on company timelines';
  if (step.kind !== 'task') return 'Sequences';
  if (step.ownerId === null) return 'No owner';
  const as = { manager: ' (as manager)', 'account-executive': ' (as account executive)' };
  return `Owner ${step.ownerId}${as[step.route as keyof typeof as] ?? ''}`;
}

function counts(steps: readonly PlanStep[]): string {
  const n = (f: (s: PlanStep) => boolean) => steps.filter(f).length;
  const updates = (status: string) => (s: PlanStep) =>
    s.kind === 'task-update' && s.status === status;
  const parts: [number, string][] = [
    [n((s) => s.kind === 'task' && !s.heldBack), 'to create'],
    [n((s) => s.heldBack), HELD],
    [n(updates('NOT_STARTED')), 'to update'],
    [n(updates('COMPLETED')), 'to complete'],
  ];
  const enrolments = n((s) => s.kind === 'enroll');
  const notes = n((s) => s.kind === 'note');
  return [
    ...parts
      .filter(([count]) => count > 0)
      .map(([count, what]) => `${plural(count, 'task')} ${what}`),
    ...(enrolments > 0 ? [plural(enrolments, 'enrolment')] : []),
    ...(notes > 0 ? [`${plural(notes, 'note')} to write`] : []),
  ].join(', ');
}

function describe(a: PlanStep, names: (id: string) => string): string {
  const company = names(a.companyId);
  switch (a.kind) {
    case 'task':
      // Subjects already name the company; say it only when one does not.
      return `${a.priority.padEnd(6)} due ${shown(a.dueAt)}  ${a.subject}${a.subject.includes(company) ? '' : ` — ${company}`} [${a.ruleId}]`;
    case 'task-update':
      return a.status === 'COMPLETED'
        ? `would complete "${a.subject}" [${a.ruleId}]`
        : `${a.priority.padEnd(6)} due ${shown(a.dueAt)}  would update "${a.subject}" [${a.ruleId}]`;
    case 'enroll':
      return `${SEQUENCES[a.sequence]}: contact ${a.contactId} of ${company}${a.skip ? ` — skipped: ${a.skip}` : ''} [${a.ruleId}]`;
    case 'property':
      return `${a.property} = "${a.value}" on ${company} [${a.ruleId}]`;
    case 'note':
      return `note "${a.title}" on the timeline of ${company} [${a.ruleId}]`;
  }
}

function shown(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
