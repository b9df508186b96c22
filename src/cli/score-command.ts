import { compileModel } from '../scoring/compile-model.ts';
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
  return printScoreReport(scored, model, options.format, io);
}
