import type { Config } from '../config/config.ts';
import { buildReport } from '../jobs/build-report.ts';
import { lastFullPeriods } from '../reports/last-full-periods.ts';
import { renderReport } from '../reports/render-report.ts';
import type { ReportFilter, TierInfo } from '../reports/report-input.ts';
import { openStore } from '../store/open-store.ts';
import type { RunRecord } from '../store/store.ts';
import { explainAppError, loadConfigOrExplain } from './app-errors.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { Io } from './process-io.ts';
import { parseReportOptions, type ReportOptions } from './report-options.ts';
import { checkAccounts, reportPortal } from './report-portal.ts';

/** Rows per table on screen; the CSV and JSON have every row. */
export const TABLE_ROWS = 50;

export const REPORT_HELP = `
Reports:
  portfolio     accounts, share and MRR per tier; the average score week by week (13 weeks);
                the week's biggest rises and falls; the alert queue (plays waiting on someone)
  renewals      renewals in the next 30/60/90/120 days with the MRR at stake, and a forecast
                (committed, likely, at risk, lost) by a rule the report prints
  churn-risk    accounts in the two worst tiers by MRR, what costs them most, the plays in hand
  expansion     accounts with a growth signal, and whether they are ready for a growth talk
  reactivation  accounts that churned in the last year, where each is in win-back, who came back
  retention     NRR, GRR, logo churn, expansion and contraction MRR over --from … --to (both
                dates included; default: the last full quarter)

Reads only what runs saved in the store (VITALS_DATA_DIR): no HubSpot call. Tables show ${TABLE_ROWS}
rows each; --format csv (the report's main table, or --table NAME) and json have them all.

Exit status: 0 when printed, 1 when no run has saved the portal yet (it says what to run),
2 when an option is wrong.

Examples:
  vitals report portfolio --owner 12345678
  vitals report retention --from 2026-07-01 --to 2026-09-30 --format json
  vitals report renewals --segment enterprise --format csv > renewals.csv`;

/** `vitals report NAME`: one of the CS leader's reports, from the store alone. */
export async function reportCommand(name: string, options: ReportOptions, io: Io): Promise<number> {
  const request = parseReportOptions(name, options);
  const config = loadConfigOrExplain();
  const store = await openStore(config).catch((error: unknown) => {
    throw explainAppError(error);
  });
  try {
    const run = await reportPortal(store, config.hubspot.mode);
    const asOf = new Date();
    const timeZone = config.plays.timeZone;
    const { report, accounts } = await buildReport(
      store,
      run.portal,
      { ...request, period: request.period ?? lastFullPeriods(asOf, timeZone).quarter },
      { asOf, timeZone, tiers: tiersOf(config), playsOn: config.playsMapping.enabled },
    );
    checkAccounts(accounts, run);
    const text = render(report, request, io);
    io.out(request.format === 'table' ? `${heading(run, request.filter)}\n\n${text}` : text);
    return EXIT.ok;
  } catch (error) {
    throw explainAppError(error);
  } finally {
    await store.close();
  }
}

function render(
  report: Awaited<ReturnType<typeof buildReport>>['report'],
  request: ReturnType<typeof parseReportOptions>,
  io: Io,
): string {
  try {
    return renderReport(report, request.format, {
      color: io.color,
      maxRows: TABLE_ROWS,
      ...(request.table === undefined ? {} : { table: request.table }),
    });
  } catch (error) {
    // An unknown --table: the renderer's message lists the tables this report has.
    if (error instanceof RangeError) throw new CliError(`--table: ${error.message}`);
    throw error;
  }
}

function tiersOf(config: Config): TierInfo[] {
  return config.model.tiers.map((t) => ({ key: t.key, label: t.label, color: t.color }));
}

/** Whose book, as of which run, and the filter: a table read later still says what it shows. */
function heading(run: RunRecord, filter: ReportFilter): string {
  const where =
    run.source === 'sandbox' ? 'The SANDBOX demo portal' : `Your HubSpot portal ${run.portal}`;
  const at = `${(run.finishedAt ?? run.updatedAt).slice(0, 16).replace('T', ' ')} UTC`;
  const only = [
    filter.owner === undefined ? null : `owner ${filter.owner}`,
    filter.segment === undefined ? null : `segment ${filter.segment}`,
  ].filter((p) => p !== null);
  const kept = only.length > 0 ? ` Only ${only.join(', ')}.` : '';
  return `${where}, as the run that finished ${at} saw it.${kept}`;
}
