// A report as people and spreadsheets read it: titled tables of typed cells. The text and CSV
// renderers format the same sections, so a table and its CSV never disagree.

/** How a cell is written: money and percentages as numbers in CSV, with signs and units on screen. */
export type CellKind =
  'text' | 'count' | 'money' | 'percent' | 'score' | 'change' | 'tier' | 'owner' | 'date';

export type CellValue = string | number | null;

/** A cell whose kind differs from its column's (a figures table mixes money and percentages). */
export interface TypedCell {
  value: CellValue;
  kind: CellKind;
}

export type Cell = CellValue | TypedCell;

export interface SectionColumn {
  header: string;
  kind: CellKind;
}

export interface Section {
  /** Stable name, e.g. for choosing one table as CSV. */
  key: string;
  title: string;
  /** Sentences shown above the table (the forecast rule, the formulas, notes). */
  lines: string[];
  columns: SectionColumn[];
  rows: Cell[][];
}

export function cellOf(cell: Cell, column: SectionColumn): TypedCell {
  return cell !== null && typeof cell === 'object' ? cell : { value: cell, kind: column.kind };
}
