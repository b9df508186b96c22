import { cellCsv, type CellWords } from './format-cell.ts';
import type { TierInfo } from './report-input.ts';
import { cellOf, type Section } from './section.ts';

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One section as CSV: a header row, then one record per row, CRLF line ends (RFC 4180), so it
 * opens as a table in any spreadsheet.
 */
export function renderCsv(
  section: Section,
  tiers: readonly TierInfo[],
  owners: Readonly<Record<string, string>> = {},
): string {
  const words: CellWords = { tiers: new Map(tiers.map((t) => [t.key, t])), owners };
  const records = [
    section.columns.map((c) => c.header),
    ...section.rows.map((row) =>
      section.columns.map((column, i) => {
        const cell = cellOf(row[i] ?? null, column);
        return cellCsv(cell.value, cell.kind, words);
      }),
    ),
  ];
  return records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
