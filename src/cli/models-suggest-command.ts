import { writeFileSync } from 'node:fs';
import YAML from 'yaml';
import { fitWeights } from '../backtest/fit-weights.ts';
import { renderBacktestText } from '../backtest/render-backtest-text.ts';
import { suggestedModel } from '../backtest/suggested-model.ts';
import { runBacktest } from '../jobs/run-backtest.ts';
import { compileModel } from '../scoring/compile-model.ts';
import { openStore } from '../store/open-store.ts';
import { explainAppError, loadConfigOrExplain } from './app-errors.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { Io } from './process-io.ts';
import { reportPortal } from './report-portal.ts';

export interface SuggestOptions {
  fromBacktest?: boolean;
  horizon?: string;
  out?: string;
}

export const MODELS_SUGGEST_HELP = `
Fits the current model's dimension weights to the churn history (a regularised logistic
regression over every account and month the runs kept) and shows them as a candidate model with
its backtest beside the current one. Nothing is applied: write the candidate with --out, try it
with vitals backtest --model FILE, and use it by pointing the config's model at the file.

Example:
  vitals models suggest --from-backtest --out retention-os-suggested.yaml`;

/** `vitals models suggest --from-backtest`: refitted weights, shown, never applied. */
export async function modelsSuggestCommand(options: SuggestOptions, io: Io): Promise<number> {
  if (!options.fromBacktest)
    throw new CliError(
      'Say where the suggestion comes from: vitals models suggest --from-backtest (the churn history the runs kept).',
    );
  const horizonDays = Number(/^(\d{1,3})d?$/.exec(options.horizon ?? '90d')?.[1] ?? NaN);
  if (!(horizonDays >= 7 && horizonDays <= 730))
    throw new CliError(
      `--horizon ${JSON.stringify(options.horizon)} is not a horizon: give days from 7 to 730, e.g. --horizon 90d.`,
    );
  const config = loadConfigOrExplain();
  const current = config.model;
  const store = await openStore(config).catch((error: unknown) => {
    throw explainAppError(error);
  });
  try {
    const run = await reportPortal(store, config.hubspot.mode);
    const now = new Date();
    const base = { portal: run.portal, horizonDays, contraction: false, now };
    const fitted = await runBacktest(store, {
      ...base,
      models: [{ model: compileModel(current), label: current.name }],
      dimensionsOf: 0,
    });
    const replay = fitted.replay.models[0]!;
    const fit = fitWeights(
      { scores: replay.dimensions!, churned: replay.columns.churned },
      current.dimensions.map((d) => ({ key: d.key, weight: d.weight })),
    );
    io.out(
      `Weights of ${current.label}, fitted to ${fitted.report.from} … ${fitted.report.to}:\n\n`,
    );
    for (const d of fit.dimensions)
      io.out(
        `  ${d.key.padEnd(14)} ${String(d.currentWeight).padStart(3)} → ${String(d.suggestedWeight ?? '—').padStart(3)}  ${d.reason}\n`,
      );
    if (fit.suggested === null) {
      io.out(`\nNo candidate: ${fit.reason}\n`);
      return EXIT.rejected;
    }
    const candidate = suggestedModel(
      current,
      fit,
      `${fit.diagnostics.observations} account-months of ${run.portal} (${fitted.report.from} to ${fitted.report.to}, churn within ${horizonDays} days)`,
    );
    const side = await runBacktest(store, {
      ...base,
      models: [
        { model: compileModel(current), label: `${current.name} (current)` },
        { model: compileModel(candidate), label: `${candidate.name} (candidate)` },
      ],
    });
    io.out(`\n${renderBacktestText(side.report)}`);
    if (options.out) {
      writeFileSync(options.out, YAML.stringify(candidate));
      io.out(`\nWrote the candidate to ${options.out}; nothing was applied.\n`);
    } else io.out('\nNothing was applied. Write the candidate with --out FILE to try or use it.\n');
    return EXIT.ok;
  } catch (error) {
    throw explainAppError(error);
  } finally {
    await store.close();
  }
}
