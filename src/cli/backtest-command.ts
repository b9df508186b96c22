import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { renderBacktestHtml } from '../backtest/render-backtest-html.ts';
import { renderBacktestText } from '../backtest/render-backtest-text.ts';
import type { Config } from '../config/config.ts';
import { backfillSnapshots, type BackfillSummary } from '../jobs/backfill-snapshots.ts';
import { runBacktest, type BacktestModel } from '../jobs/run-backtest.ts';
import { compileModel } from '../scoring/compile-model.ts';
import { openStore } from '../store/open-store.ts';
import { explainAppError, loadConfigOrExplain, openAppOrExplain } from './app-errors.ts';
import { readChartJsSource } from './chart-js-source.ts';
import { CliError, EXIT } from './cli-error.ts';
import { loadCliModel } from './load-cli-model.ts';
import type { Io } from './process-io.ts';
import { reportPortal } from './report-portal.ts';

export interface BacktestCliOptions {
  model?: string[];
  horizon?: string;
  from?: string;
  to?: string;
  format?: string;
  out?: string;
  withContraction?: boolean;
  /** Months to rebuild from HubSpot's property history first; true for the default 24. */
  rebuildHistory?: string | boolean;
}

const FORMATS = ['table', 'json', 'html'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const BACKTEST_HELP = `
Replays the monthly snapshots of signals that runs keep (one per company and month) through the
configured model and any given with --model, as if each had scored those months, and checks each
against what happened next: did the accounts it scored low churn within the horizon? Reports per
model the churn rate by tier, the lift of the worst tier, the AUC with a 95 % interval, precision
and recall of the two worst tiers, calibration, and the accounts it called healthy before they
churned. Reads only the store: no HubSpot call. Readings whose horizon has not ended yet, and
those after an account churned, are left out.

With --rebuild-history [MONTHS] it first rebuilds the months before runs began keeping
snapshots (24 unless given) from HubSpot's property history of the companies runs have scored:
one batch read per 50 companies, nothing written to HubSpot. Each month is read as the company's
properties stood on the 15th. Signals read from contacts (champion, stakeholders, NPS) are not in
a company's history and stay missing in rebuilt months; a month a run read is never replaced.

Exit status: 0 when printed, 1 when there is no history to replay yet (it says why), 2 when an
option is wrong.

Examples:
  vitals backtest
  vitals backtest --rebuild-history
  vitals backtest --model cs-engine --model ./my-model.yaml --horizon 180d
  vitals backtest --from 2025-01 --to 2025-12 --format html --out backtest.html`;

/** `vitals backtest`: how well each model's score would have warned of churn. */
export async function backtestCommand(options: BacktestCliOptions, io: Io): Promise<number> {
  const format = formatOf(options.format);
  const horizonDays = horizonOf(options.horizon);
  const from = monthOf('--from', options.from);
  const to = monthOf('--to', options.to);
  if (from && to && from > to)
    throw new CliError(`--from ${from} is after --to ${to}: give the earlier month first.`);
  const rebuildMonths = rebuildMonthsOf(options.rebuildHistory);
  const config = loadConfigOrExplain();
  const models = modelsOf(config, options.model ?? []);
  const opened =
    rebuildMonths === null
      ? await openStore(config)
          .then((store) => ({ store, close: () => store.close(), rebuild: null }))
          .catch((error: unknown) => {
            throw explainAppError(error);
          })
      : await openAppOrExplain().then((app) => ({
          store: app.store,
          close: () => app.close(),
          rebuild: { app, months: rebuildMonths },
        }));
  const { store } = opened;
  try {
    const run = await reportPortal(store, config.hubspot.mode);
    if (opened.rebuild) {
      const { app, months } = opened.rebuild;
      io.err(`${app.connection.description}\n`);
      if (app.connection.sandboxHistoryMonths === 0)
        throw new CliError(
          `The sandbox portal in ${join(app.config.dataDir, 'sandbox')} was seeded without usage history (it predates it), so a rebuild would read today's values into every past month. \`vitals sandbox reset\` seeds a new demo portal with two years of history; then run \`vitals run --once\` and ask again.`,
          EXIT.rejected,
        );
      const rebuilt = await backfillSnapshots(app.connection.gateway, store, {
        portal: run.portal,
        config: app.config,
        months,
        now: new Date(),
      });
      io.err(rebuildLine(rebuilt));
    }
    const span = await store.snapshotMonths(run.portal);
    const rebuildHint = opened.rebuild
      ? ''
      : " To look back from today, add --rebuild-history: it rebuilds past months from HubSpot's property history of the companies a run has scored (run `vitals run --once` first if none has).";
    if (span.rows === 0)
      throw new CliError(
        `There is no signal history to replay yet: runs keep one snapshot per company and month, so a backtest has something to say after a few months of runs.${rebuildHint}`,
        EXIT.rejected,
      );
    const { report } = await runBacktest(store, {
      portal: run.portal,
      models,
      horizonDays,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      contraction: options.withContraction === true,
      now: new Date(),
    });
    if (format !== 'json' && report.models[0]!.metrics.counts.observations === 0)
      throw new CliError(
        `Nothing to judge yet: the ${span.rows.toLocaleString('en-US')} snapshots kept (${span.first === span.last ? span.first : `${span.first} to ${span.last}`}) are all too recent for their ${horizonDays}-day horizon to have ended${from || to ? ' or fall outside --from/--to' : ''}. ${opened.rebuild ? 'Ask again once the horizon has passed.' : "Add --rebuild-history to rebuild the months before them from HubSpot's property history, or ask again once the horizon has passed."}`,
        EXIT.rejected,
      );
    const text =
      format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : format === 'html'
          ? renderBacktestHtml(report, readChartJsSource())
          : renderBacktestText(report);
    if (options.out) {
      writeFileSync(options.out, text);
      io.err(`Wrote the backtest to ${options.out}.\n`);
    } else io.out(text);
    return EXIT.ok;
  } catch (error) {
    throw explainAppError(error);
  } finally {
    await opened.close();
  }
}

function rebuildMonthsOf(value: string | boolean | undefined): number | null {
  if (value === undefined || value === false) return null;
  if (value === true) return 24;
  const months = /^\d{1,3}$/.test(value.trim()) ? Number(value) : NaN;
  if (months >= 1 && months <= 60) return months;
  throw new CliError(
    Number.isNaN(months)
      ? `--rebuild-history ${JSON.stringify(value)} is not a number of months: give 1 to 60, e.g. --rebuild-history 24 (the default when no number follows).`
      : `--rebuild-history ${months} is out of range: give 1 to 60 months (24 when no number follows).`,
  );
}

/** What the rebuild did, in a line or two for the terminal. */
function rebuildLine(summary: BackfillSummary): string {
  if (summary.companies === 0)
    return 'Rebuilt no history: no run has scored a company yet. Run `vitals run --once` first, then ask again.\n';
  const calls = `${summary.apiCalls.toLocaleString('en-US')} call${summary.apiCalls === 1 ? '' : 's'}`;
  if (summary.snapshots === 0) {
    const asked = summary.asked ? ` for ${summary.asked.from} to ${summary.asked.to}` : '';
    return `Rebuilt nothing: HubSpot's property history holds no values${asked} (the months before the first one kept) for the ${summary.companies.toLocaleString('en-US')} companies runs have scored; read in ${calls}. A month already kept, by a run or an earlier rebuild, is never rebuilt.\n`;
  }
  const missing =
    summary.contactSignals.length > 0
      ? ` Signals read from contacts stay missing in those months: ${summary.contactSignals.join(', ')}.`
      : '';
  return `Rebuilt ${summary.snapshots.toLocaleString('en-US')} monthly snapshots (${summary.from} to ${summary.to}) for ${summary.companiesWithHistory.toLocaleString('en-US')} of ${summary.companies.toLocaleString('en-US')} companies from HubSpot's property history, in ${calls}.${missing}\n`;
}

function modelsOf(config: Config, names: readonly string[]): BacktestModel[] {
  const current = { model: compileModel(config.model), label: `${config.model.name} (current)` };
  return [
    current,
    ...names.map((name) => ({ model: compileModel(loadCliModel(name)), label: name })),
  ];
}

function formatOf(format = 'table'): (typeof FORMATS)[number] {
  if ((FORMATS as readonly string[]).includes(format)) return format as (typeof FORMATS)[number];
  throw new CliError(
    `--format ${JSON.stringify(format)} is not a backtest format: use table (to read), json (for a program) or html (one page with charts).`,
  );
}

function horizonOf(horizon = '90d'): number {
  const match = /^(\d{1,3})d?$/.exec(horizon.trim());
  const days = match ? Number(match[1]) : NaN;
  if (days >= 7 && days <= 730) return days;
  throw new CliError(
    `--horizon ${JSON.stringify(horizon)} is not a horizon: give days from 7 to 730, e.g. --horizon 90d.`,
  );
}

/** A month, or a date standing for its month: snapshots are kept one per month. */
function monthOf(flag: string, month: string | undefined): string | undefined {
  if (month === undefined) return undefined;
  if (MONTH.test(month)) return month;
  if (DATE.test(month)) {
    if (DateTime.fromISO(month, { zone: 'utc' }).isValid) return month.slice(0, 7);
    throw new CliError(
      `${flag} ${JSON.stringify(month)} is not a day of the calendar: give a date that exists, or just the month (${flag} ${month.slice(0, 7)}).`,
    );
  }
  throw new CliError(
    `${flag} ${JSON.stringify(month)} is not a month: write it as YYYY-MM (or a date, which counts as its month), e.g. ${flag} 2026-01.`,
  );
}
