import { ACCOUNT_FIELDS } from '../scoring/account-schema.ts';
import { compileModel } from '../scoring/compile-model.ts';
import type { IgnoredField } from '../scoring/unknown-fields.ts';
import { loadCliModel } from './load-cli-model.ts';
import { printScoreReport, type OutputFormat } from './print-score-report.ts';
import type { Io } from './process-io.ts';
import { readJsonFile } from './read-json-file.ts';
import { scorePortfolio } from './score-portfolio.ts';

export interface ScoreOptions {
  input: string;
  model: string;
  format: OutputFormat;
}

/** `vitals score`: scores an accounts file; returns the exit status. */
export function scoreCommand(options: ScoreOptions, io: Io): number {
  const model = loadCliModel(options.model);
  const data = readJsonFile(options.input);
  const scored = scorePortfolio(data, compileModel(model), options.input);
  for (const field of scored.ignored) io.err(`${ignoredFieldLine(field)}\n`);
  return printScoreReport(scored, model, options.format, io);
}

/** One line per field name, however many accounts carry it: an export may have 20,000. */
export function ignoredFieldLine({ field, accounts, closest }: IgnoredField): string {
  const where = accounts === 1 ? '1 account' : `${accounts.toLocaleString('en-US')} accounts`;
  const fix = closest
    ? `Did you mean "${closest}"?`
    : `Vitals reads only ${ACCOUNT_FIELDS.join(', ')}; remove it to silence this warning.`;
  return `Warning: ignored the field "${field}" in ${where}. ${fix}`;
}
