import { createColors } from 'picocolors';
import { cellText, type CellWords } from './format-cell.ts';
import type { TierInfo } from './report-input.ts';
import { cellOf, type CellKind, type Section } from './section.ts';

export interface TextOptions {
  /** Colour the tiers (on a terminal), as src/cli/tier-color.ts does. */
  color: boolean;
  owners?: Readonly<Record<string, string>>;
  /** Rows shown per table; the rest are counted in a last line. Default: all. */
  maxRows?: number;
}

const RIGHT: ReadonlySet<CellKind> = new Set(['count', 'money', 'percent', 'score', 'change']);
/** A text cell longer than this is cut on screen; the CSV and JSON keep it whole. */
const TEXT_WIDTH = 48;

/** The sections as aligned tables for people, each under its title and its sentences. */
export function renderText(
  sections: readonly Section[],
  tiers: readonly TierInfo[],
  options: TextOptions,
): string {
  const words: CellWords = {
    tiers: new Map(tiers.map((t) => [t.key, t])),
    owners: options.owners ?? {},
  };
  const paint = tierPaint(options.color);
  return sections.map((s) => renderSection(s, words, paint, options.maxRows)).join('\n\n') + '\n';
}

function renderSection(
  section: Section,
  words: CellWords,
  paint: (tier: TierInfo | undefined, text: string) => string,
  maxRows = Infinity,
): string {
  const shown = section.rows.slice(0, maxRows);
  const cells = shown.map((row) =>
    section.columns.map((column, i) => {
      const cell = cellOf(row[i] ?? null, column);
      return { ...cell, text: cut(cellText(cell.value, cell.kind, words)) };
    }),
  );
  const widths = section.columns.map((c, i) =>
    Math.max(c.header.length, ...cells.map((row) => row[i]!.text.length)),
  );
  const pad = (text: string, kind: CellKind, i: number) =>
    RIGHT.has(kind) ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const header = section.columns.map((c, i) => pad(c.header, c.kind, i)).join('  ');
  const lines = cells.map((row) =>
    row
      .map((cell, i) => {
        const padded = pad(cell.text, cell.kind, i);
        return cell.kind === 'tier' ? paint(words.tiers.get(String(cell.value)), padded) : padded;
      })
      .join('  ')
      .trimEnd(),
  );
  const more = section.rows.length - shown.length;
  const rest =
    more > 0 ? [`… and ${more.toLocaleString('en-US')} more (the CSV and JSON have all)`] : [];
  const table = section.rows.length === 0 ? ['None.'] : [header.trimEnd(), ...lines, ...rest];
  return [section.title, ...section.lines, '', ...table].join('\n');
}

function cut(text: string): string {
  return text.length <= TEXT_WIDTH ? text : `${text.slice(0, TEXT_WIDTH - 1)}…`;
}

/** A terminal colour per tier colour; the terminal has no orange, so it shares red, unbolded. */
function tierPaint(enabled: boolean): (tier: TierInfo | undefined, text: string) => string {
  const c = createColors(enabled);
  const paints: Record<TierInfo['color'], (t: string) => string> = {
    green: (t) => c.bold(c.green(t)),
    lime: c.green,
    yellow: c.yellow,
    orange: c.red,
    red: (t) => c.bold(c.red(t)),
    gray: c.dim,
  };
  return (tier, text) => (tier ? paints[tier.color](text) : c.dim(text));
}
