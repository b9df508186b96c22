import type { ReportRequest } from '../jobs/build-report.ts';
import type { ReportFormat } from '../reports/render-report.ts';
import type { ReportName } from '../reports/report-sections.ts';
import { SEGMENTS } from '../scoring/model-schema.ts';
import { closestMatch } from '../validation/closest-match.ts';
import { CliError } from './cli-error.ts';

export const REPORT_NAMES: readonly ReportName[] = [
  'portfolio',
  'renewals',
  'churn-risk',
  'expansion',
  'reactivation',
  'retention',
];
const FORMATS: readonly ReportFormat[] = ['table', 'json', 'csv'];

export interface ReportOptions {
  format?: string;
  owner?: string;
  segment?: string;
  from?: string;
  to?: string;
  table?: string;
}

export interface ParsedReport extends Omit<ReportRequest, 'period'> {
  format: ReportFormat;
  /** The retention period as given; null: the default (the last full quarter). */
  period: { from: string; to: string } | null;
  table?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The command line of `vitals report`, checked before anything is opened. */
export function parseReportOptions(name: string, options: ReportOptions): ParsedReport {
  const report = oneOf(name, REPORT_NAMES, `There is no report "${name}"`);
  const format = oneOf(
    options.format ?? 'table',
    FORMATS,
    `--format "${options.format}" is not a format of vitals report`,
  );
  if (options.owner !== undefined && !/^\d+$/.test(options.owner))
    throw new CliError(
      `--owner "${options.owner}" is not a HubSpot owner id: give the owner's id (digits), as the reports' Owner column shows it.`,
    );
  const segment =
    options.segment === undefined
      ? undefined
      : oneOf(options.segment, SEGMENTS, `--segment "${options.segment}" is not a segment`);
  if (options.table !== undefined && format !== 'csv')
    throw new CliError(
      `--table ${options.table} picks the table of a CSV: add --format csv, or leave --table out.`,
    );
  return {
    name: report,
    format,
    filter: {
      ...(options.owner === undefined ? {} : { owner: options.owner }),
      ...(segment === undefined ? {} : { segment }),
    },
    period: period(report, options),
    ...(options.table === undefined ? {} : { table: options.table }),
  };
}

function period(report: ReportName, options: ReportOptions): ParsedReport['period'] {
  const { from, to } = options;
  if (from === undefined && to === undefined) return null;
  const given = from !== undefined ? `--from ${from}` : `--to ${to}`;
  if (report !== 'retention')
    throw new CliError(
      `${given}: only the retention report covers a period. Leave it out, or ask for \`vitals report retention ${given}\`.`,
    );
  if (from === undefined || to === undefined)
    throw new CliError(
      `${given} without ${from === undefined ? '--from' : '--to'}: give both (e.g. --from 2026-07-01 --to 2026-09-30), or neither for the last full quarter.`,
    );
  checkDate('--from', from);
  checkDate('--to', to);
  if (to < from) throw new CliError(`--to ${to} is before --from ${from}: swap the two dates.`);
  return { from, to };
}

function checkDate(option: string, value: string): void {
  const at = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March: a real date reads back as itself.
  const real =
    DATE.test(value) && !Number.isNaN(at) && new Date(at).toISOString().startsWith(value);
  if (!real)
    throw new CliError(
      `${option} "${value}" is not a date: write it as YYYY-MM-DD, e.g. ${option} 2026-07-01.`,
    );
}

/** The value if allowed; else an error that says what was wrong, what is allowed and what was meant. */
function oneOf<T extends string>(value: string, allowed: readonly T[], wrong: string): T {
  const found = allowed.find((a) => a === value);
  if (found) return found;
  // "mid-market" and "churn_risk" are near misses whatever the separator.
  const near = allowed.find(
    (a) => a.replace(/[-_]/g, '') === value.toLowerCase().replace(/[-_ ]/g, ''),
  );
  const hint = near ?? closestMatch(value, allowed) ?? null;
  throw new CliError(
    `${wrong}: use one of ${allowed.join(', ')}.${hint ? ` Did you mean ${hint}?` : ''}`,
  );
}
