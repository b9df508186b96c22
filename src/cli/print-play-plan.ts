import type { PlaysTally } from '../jobs/apply-plays.ts';
import type { PlannedAction } from '../plays/play-types.ts';
import type { Io } from './process-io.ts';

// Reasons often name a contact, so they rarely repeat: a few give the picture.
const SHOWN_REASONS = 5;

const SEQUENCES = { renewal: 'Renewal', winBack: 'Win-back', paymentRecovery: 'Payment recovery' };

/** A dry run's plan: every task and enrolment it would make, grouped by the person it reaches. */
export function printPlayPlan(
  planned: readonly PlannedAction[],
  names: (id: string) => string,
  io: Io,
): void {
  if (planned.length === 0) {
    io.out('\nPlays: nothing new to do.\n');
    return;
  }
  const groups = new Map<string, PlannedAction[]>();
  for (const action of planned) {
    const who =
      action.kind === 'task-update'
        ? 'Open tasks to update or complete'
        : action.kind === 'task'
          ? action.ownerId === null
            ? 'No owner'
            : `Owner ${action.ownerId}${action.route === 'manager' ? ' (as manager)' : ''}`
          : 'Sequences';
    groups.set(who, [...(groups.get(who) ?? []), action]);
  }
  io.out(`\nPlays this run would start (${planned.length}), nothing written:\n`);
  for (const [who, actions] of groups) {
    io.out(`\n${who}\n`);
    for (const a of actions) io.out(`  ${describe(a, names)}\n`);
  }
}

function describe(a: PlannedAction, names: (id: string) => string): string {
  const company = names(a.companyId);
  switch (a.kind) {
    case 'task':
      // Subjects already name the company; say it only when one does not.
      return `${a.priority.padEnd(6)} due ${a.dueAt.slice(0, 16).replace('T', ' ')}  ${a.subject}${a.subject.includes(company) ? '' : ` — ${company}`} [${a.ruleId}]`;
    case 'task-update':
      return `${a.priority.padEnd(6)} due ${a.dueAt.slice(0, 16).replace('T', ' ')}  ${a.status === 'COMPLETED' ? 'complete' : 'update'} "${a.subject}" [${a.ruleId}]`;
    case 'enroll':
      return `${SEQUENCES[a.sequence]}: contact ${a.contactId} of ${company}${a.skip ? ` — skipped: ${a.skip}` : ''} [${a.ruleId}]`;
    case 'property':
      return `${a.property} = "${a.value}" on ${company} [${a.ruleId}]`;
  }
}

/** After a real run: what reached people, and what did not and why. */
export function printPlaysOutcome(plays: PlaysTally, io: Io): void {
  const { tasksCreated, enrolled, skipped, heldBack, failed } = plays;
  io.out(
    `\nPlays: ${tasksCreated.length} tasks created, ${enrolled.length} contacts enrolled, ${skipped.length} skipped, ${heldBack.length} held back by daily caps.\n`,
  );
  const reasons = new Map<string, number>();
  for (const s of skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const shown = [...reasons].slice(0, SHOWN_REASONS);
  for (const [reason, count] of shown) io.out(`  ${count} skipped: ${reason}\n`);
  const rest = skipped.length - shown.reduce((n, [, count]) => n + count, 0);
  if (rest > 0) io.out(`  … and ${rest} more skipped: \`vitals run --once --json\` lists each.\n`);
  for (const f of failed.slice(0, 10))
    io.err(`  ${f.ruleId} for company ${f.companyId} failed: ${f.error}\n`);
}
