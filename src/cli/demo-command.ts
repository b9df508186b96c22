import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL } from '../models/load-model.ts';
import { compileModel } from '../scoring/compile-model.ts';
import { loadCliModel } from './load-cli-model.ts';
import { printScoreReport } from './print-score-report.ts';
import type { Io } from './process-io.ts';
import { readJsonFile } from './read-json-file.ts';
import { scorePortfolio } from './score-portfolio.ts';

const DEMO_PORTFOLIO = fileURLToPath(new URL('../demo/portfolio.json', import.meta.url));

/** `vitals demo`: scores the bundled demo portfolio file with the default model. */
export function demoCommand(io: Io): number {
  const model = loadCliModel(DEFAULT_MODEL);
  const data = readJsonFile(DEMO_PORTFOLIO);
  const scored = scorePortfolio(data, compileModel(model), DEMO_PORTFOLIO);
  io.out(
    [
      `DEMO DATA: these ${scored.total} companies are made up to show what Vitals does; none is a real customer.`,
      `Scored with the ${model.label} model (${model.name}). To score your own accounts: vitals score --input FILE`,
      '',
      '',
    ].join('\n'),
  );
  return printScoreReport(scored, model, 'table', io);
}
