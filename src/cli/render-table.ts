export interface Column<Row> {
  header: string;
  align?: 'left' | 'right';
  /** Text already cut to size; colour is added after padding, so it never breaks alignment. */
  text: (row: Row) => string;
  paint?: (row: Row, padded: string) => string;
}

/** Rows as lines of aligned columns, the header first unless it is left out. */
export function renderTable<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  options: { header?: boolean; indent?: string } = {},
): string[] {
  const cells = rows.map((row) => columns.map((c) => c.text(row)));
  const headers = options.header === false ? null : columns.map((c) => c.header);
  const widths = columns.map((_, i) =>
    Math.max(headers?.[i]?.length ?? 0, ...cells.map((line) => line[i]!.length)),
  );
  const pad = (text: string, i: number) =>
    columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const join = (parts: string[]) => ((options.indent ?? '') + parts.join('  ')).trimEnd();
  const lines = cells.map((line, r) =>
    join(
      line.map((text, i) => {
        const paint = columns[i]!.paint;
        return paint ? paint(rows[r]!, pad(text, i)) : pad(text, i);
      }),
    ),
  );
  return headers ? [join(headers.map(pad)), ...lines] : lines;
}
