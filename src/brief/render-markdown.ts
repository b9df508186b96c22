import type { Brief, BriefTable } from './brief-types.ts';

/** A brief as markdown for the CLI: a heading per section, one bullet per sentence. */
export function renderMarkdown(brief: Brief): string {
  const blocks: string[][] = [[`# ${oneLine(brief.title)}`], [`Prepared on ${brief.generatedOn}.`]];
  for (const section of brief.sections) {
    blocks.push([`## ${oneLine(section.heading)}`]);
    if (section.lines.length > 0) blocks.push(bullets(section.lines));
    if (section.table) blocks.push(table(section.table));
    if (section.missing && section.missing.length > 0)
      blocks.push(['Missing:'], bullets(section.missing));
  }
  if (brief.agenda && brief.agenda.length > 0)
    blocks.push(
      ['## Suggested agenda'],
      brief.agenda.map((item, i) => `${i + 1}. ${oneLine(item)}`),
    );
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}

function bullets(lines: readonly string[]): string[] {
  return lines.map((line) => `- ${oneLine(line)}`);
}

function table({ columns, rows }: BriefTable): string[] {
  const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  // Figures line up on the right; the first column names them.
  const rule = `| ${columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`;
  return [row(columns), rule, ...rows.map(row)];
}

/** A value from HubSpot may hold a newline or a pipe: either would break a bullet or a table. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function cell(text: string): string {
  return oneLine(text).replaceAll('|', '\\|');
}
