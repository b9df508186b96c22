import type { Model } from '../scoring/model-schema.ts';
import type { AccountError } from '../scoring/parse-accounts.ts';
import { EXIT } from './cli-error.ts';
import type { Io } from './process-io.ts';
import { renderScoreTable } from './render-score-table.ts';
import { renderTable } from './render-table.ts';
import type { ScoreReport } from './score-portfolio.ts';

export type OutputFormat = 'table' | 'json';

/** Prints a report in the chosen format and returns the exit status it calls for. */
export function printScoreReport(
  { report, total }: { report: ScoreReport; total: number },
  model: Model,
  format: OutputFormat,
  io: Io,
): number {
  const rejected = total - report.results.length;
  if (format === 'json') {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    if (rejected > 0)
      io.err(`${rejected} of ${total} accounts were rejected; "errors" in the output says why.\n`);
  } else {
    if (report.results.length > 0)
      io.out(`${renderScoreTable(report.results, model, io.color).join('\n')}\n`);
    if (report.errors.length > 0) io.err(`${rejectedLines(report.errors, rejected).join('\n')}\n`);
    io.out(`${report.results.length} scored, ${rejected} rejected\n`);
  }
  return rejected > 0 ? EXIT.rejected : EXIT.ok;
}

function rejectedLines(errors: readonly AccountError[], rejected: number): string[] {
  const accounts = rejected === 1 ? '1 account was' : `${rejected} accounts were`;
  return [
    '',
    `${accounts} not scored. Fix these fields and run again:`,
    ...renderTable(
      errors,
      [
        { header: 'ID', text: (e) => e.id ?? '(no id)' },
        { header: 'FIELD', text: (e) => e.path },
        { header: 'PROBLEM', text: (e) => e.message },
      ],
      { indent: '  ' },
    ),
    '',
  ];
}
