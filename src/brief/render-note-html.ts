import type { Brief } from './brief-types.ts';

/** HubSpot refuses a note body of 65,536 characters or more. */
export const NOTE_LIMIT = 65_536;
/** No sentence a person reads runs this long; a longer value from HubSpot is cut. */
const LONGEST_TEXT = 2_000;
const LONGEST_TITLE = 300;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to place in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A list a long brief may shorten: a section's sentences, its missing data or its table rows. */
interface CuttableList {
  /** Each item already rendered. */
  items: string[];
  kept: number;
  /** The characters of the items kept. */
  size: number;
  /** How a cut list says what it left out. */
  more: (left: number) => string;
}

type Part = string | CuttableList;

/**
 * A brief as a HubSpot note body: simple HTML only, every value escaped. A brief too long for a
 * note loses the last lines of its longest lists ("… and N more") instead of failing.
 */
export function renderNoteHtml(brief: Brief): string {
  const parts = noteParts(brief);
  const lists = parts.filter((p): p is CuttableList => typeof p !== 'string');
  let length = joined(parts).length;
  // Take lines off the list that is longest now until the estimate fits, then check exactly.
  while (length >= NOTE_LIMIT) {
    const longest = lists
      .filter((l) => l.kept > 0)
      .reduce<CuttableList | null>((a, b) => (a === null || b.size > a.size ? b : a), null);
    if (longest === null) return tooLong(brief);
    if (longest.kept === longest.items.length) length += longest.more(longest.items.length).length;
    longest.kept -= 1;
    longest.size -= longest.items[longest.kept]!.length;
    length -= longest.items[longest.kept]!.length;
    if (length < NOTE_LIMIT) length = joined(parts).length;
  }
  return joined(parts);
}

function noteParts(brief: Brief): Part[] {
  const li = (text: string) => `<li>${escapeHtml(clip(text, LONGEST_TEXT))}</li>`;
  const moreItem = (left: number) => `<li>… and ${left} more</li>`;
  const list = (items: string[], more = moreItem): CuttableList => ({
    items,
    kept: items.length,
    size: items.reduce((total, item) => total + item.length, 0),
    more,
  });
  const parts: Part[] = [
    `<h3>${escapeHtml(clip(brief.title, LONGEST_TITLE))}</h3>`,
    `<p>Prepared on ${escapeHtml(brief.generatedOn)}.</p>`,
  ];
  for (const section of brief.sections) {
    parts.push(`<h3>${escapeHtml(clip(section.heading, LONGEST_TITLE))}</h3>`);
    if (section.lines.length > 0) parts.push('<ul>', list(section.lines.map(li)), '</ul>');
    if (section.table) {
      const cells = (tag: string, row: readonly string[]) =>
        `<tr>${row.map((c) => `<${tag}>${escapeHtml(clip(c, LONGEST_TITLE))}</${tag}>`).join('')}</tr>`;
      const width = section.table.columns.length;
      parts.push(
        `<table>${cells('th', section.table.columns)}`,
        list(
          section.table.rows.map((row) => cells('td', row)),
          (left) => `<tr><td colspan="${width}">… and ${left} more</td></tr>`,
        ),
        '</table>',
      );
    }
    if (section.missing && section.missing.length > 0)
      parts.push('<p>Missing:</p><ul>', list(section.missing.map(li)), '</ul>');
  }
  if (brief.agenda && brief.agenda.length > 0)
    parts.push('<h3>Suggested agenda</h3><ul>', list(brief.agenda.map(li)), '</ul>');
  return parts;
}

function joined(parts: readonly Part[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      const kept = p.items.slice(0, p.kept).join('');
      return p.kept < p.items.length ? kept + p.more(p.items.length - p.kept) : kept;
    })
    .join('');
}

/** Only reachable with headings longer than any brief writes; still a note, never an error. */
function tooLong(brief: Brief): string {
  return `<h3>${escapeHtml(clip(brief.title, LONGEST_TITLE))}</h3><p>This brief is too long for a HubSpot note: print it with the CLI instead.</p>`;
}

/** Cut a text at `max` characters, never between the two halves of an emoji. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
