import type { PlaysTally } from '../jobs/apply-plays.ts';
import type { RescoreSummary } from '../jobs/run-rescore.ts';
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
  const notes = plays.notesWritten.length;
  io.out(
    `\nPlays: ${tasksCreated.length} tasks created, ${tasksUpdated.length} updated, ` +
      `${tasksCompleted.length} completed on recovery, ${enrolled.length} contacts enrolled, ` +
      `${notes === 1 ? '1 note' : `${notes} notes`} written, ` +
      `${skipped.length} skipped, ${heldBack.length} held back by daily caps.\n`,
  );
  const waiting = waitingLine(plays.waiting);
  if (waiting) io.out(`${waiting}\n`);
  printSkipReasons(skipped, { verb: 'skipped', command: 'vitals run --once --json' }, io);
  for (const f of failed.slice(0, 10))
    io.err(`  ${f.ruleId} for company ${f.companyId} failed: ${f.error}\n`);
}
