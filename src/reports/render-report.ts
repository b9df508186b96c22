import { renderCsv } from './render-csv.ts';
import { renderText } from './render-text.ts';
import { MAIN_TABLE, reportSections, type Report } from './report-sections.ts';
import { reportTiers } from './report-tiers.ts';

export type ReportFormat = 'table' | 'csv' | 'json';

export interface RenderOptions {
  /** Colour the tiers in `table` (on a terminal only). */
  color?: boolean;
  /** Owner id → name, for the Owner columns of `table` and `csv`. */
  owners?: Readonly<Record<string, string>>;
  /** `table`: rows shown per table, the rest counted. */
  maxRows?: number;
  /** `csv`: which table (a section key); default the report's main one (MAIN_TABLE). */
  table?: string;
}

/** A report as text for people, CSV for a spreadsheet or JSON (every figure with its ids). */
export function renderReport(
  report: Report,
  format: ReportFormat,
  options: RenderOptions = {},
): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const sections = reportSections(report);
  const tiers = 'tiers' in report ? report.tiers : reportTiers([]);
  if (format === 'table')
    return renderText(sections, tiers, {
      color: options.color ?? false,
      owners: options.owners,
      maxRows: options.maxRows,
    });
  const key = options.table ?? MAIN_TABLE[report.kind];
  const section = sections.find((s) => s.key === key);
  if (!section)
    throw new RangeError(
      `The ${report.kind} report has no table "${key}": use one of ${sections.map((s) => s.key).join(', ')}.`,
    );
  return renderCsv(section, tiers, options.owners);
}
