import type { PlaysTally } from '../jobs/apply-plays.ts';
import type { RescoreSummary } from '../jobs/run-rescore.ts';
import { ruleById } from '../plays/rule-index.ts';
import { baselineLine } from './baseline-line.ts';
import { waitingLine } from './waiting-line.ts';
import { printSkipReasons } from './print-skip-reasons.ts';
import type { Io } from './process-io.ts';

/** After a real run: what reached people, and what did not and why. */
export function printPlaysOutcome(
  plays: PlaysTally,
  io: Io,
  baseline: RescoreSummary['baseline'] = null,
): void {
  if (baseline) io.out(`\n${baselineLine(baseline)}\n`);
  const { tasksCreated, tasksUpdated, tasksCompleted, enrolled, skipped, heldBack, failed } = plays;
  io.out(
    `\nPlays: ${count(tasksCreated.length, 'task')} created, ${tasksUpdated.length} updated, ` +
      `${completedText(tasksCompleted)}, ${count(enrolled.length, 'contact')} enrolled, ` +
      `${count(plays.notesWritten.length, 'note')} written, ` +
      `${skipped.length} skipped, ${heldBack.length} held back by daily caps.\n`,
  );
  const waiting = waitingLine(plays.waiting);
  if (waiting) io.out(`${waiting}\n`);
  printSkipReasons(skipped, { verb: 'skipped', command: 'vitals run --once --json' }, io);
  for (const f of failed.slice(0, 10))
    io.err(`  ${f.ruleId} for company ${f.companyId} failed: ${f.error}\n`);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Vitals completes a task when it is no longer needed: the account recovered, the renewal
 * passed, a lifecycle task's moment went by or it gave way to an alarm on the account.
 */
function completedText(completed: PlaysTally['tasksCompleted']): string {
  const lifecycle = completed.filter((e) => ruleById(e.ruleId)?.family !== undefined).length;
  const detail = lifecycle === 0 ? '' : `; ${lifecycle} of them lifecycle tasks`;
  return `${completed.length} completed (no longer needed${detail})`;
}
