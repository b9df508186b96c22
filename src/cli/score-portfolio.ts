import type { CompiledModel } from '../scoring/compile-model.ts';
import { explainAccount } from '../scoring/explain-score.ts';
import { AccountsFileError, parseAccounts, type AccountError } from '../scoring/parse-accounts.ts';
import type { IgnoredField } from '../scoring/unknown-fields.ts';
import { CliError } from './cli-error.ts';
import { toResultRow, type ResultRow } from './to-result-row.ts';

export interface ScoreReport {
  model: string;
  results: ResultRow[];
  errors: AccountError[];
}

/**
 * Scores every valid account of an input file; `total` counts the accounts in the file, and
 * `ignored` the fields of theirs that Vitals does not read.
 */
export function scorePortfolio(
  data: unknown,
  compiled: CompiledModel,
  source: string,
): { report: ScoreReport; total: number; ignored: IgnoredField[] } {
  let parsed: ReturnType<typeof parseAccounts>;
  try {
    parsed = parseAccounts(data, compiled);
  } catch (error) {
    if (error instanceof AccountsFileError) throw new CliError(`${source}: ${error.message}`);
    throw error;
  }
  const results = parsed.accounts.map((account) =>
    toResultRow(account, explainAccount(compiled, account)),
  );
  return {
    report: { model: compiled.model.name, results, errors: parsed.errors },
    total: (data as { accounts: unknown[] }).accounts.length,
    ignored: parsed.ignored,
  };
}
