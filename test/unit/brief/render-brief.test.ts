import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../src/brief/brief-types.ts';
import { qbrBrief } from '../../../src/brief/qbr-brief.ts';
import { renderJson } from '../../../src/brief/render-json.ts';
import { renderMarkdown } from '../../../src/brief/render-markdown.ts';
import { escapeHtml, NOTE_LIMIT, renderNoteHtml } from '../../../src/brief/render-note-html.ts';
import { valueReport } from '../../../src/brief/value-report.ts';
import { contact, richInput } from './brief-fixtures.ts';

const ALLOWED_TAGS = new Set(['h3', 'p', 'ul', 'li', 'table', 'tr', 'th', 'td']);

function brief(overrides: Partial<Brief> = {}): Brief {
  return {
    kind: 'qbr',
    title: 'QBR prep: Acme Corp',
    companyId: '501',
    generatedAt: '2026-12-06T10:00:00.000Z',
    generatedOn: '2026-12-06',
    sections: [{ key: 'one', heading: 'One', lines: ['A line.'] }],
    agenda: ['First.', 'Second.', 'Third.'],
    ...overrides,
  };
}

describe('renderMarkdown', () => {
  it('writes headings, bullets, the metrics table and the numbered agenda', () => {
    const qbr = renderMarkdown(qbrBrief(richInput()));
    expect(
      qbr.startsWith('# QBR prep: Acme Corp, meeting on 2026-12-20\n\nPrepared on 2026-12-06.\n'),
    ).toBe(true);
    expect(qbr).toContain('\n## Risks\n\n- They asked to export their data (2026-11-30).\n');
    expect(qbr).toContain('\nMissing:\n\n- No executive sponsor on record: ');
    expect(qbr).toMatch(/\n## Suggested agenda\n\n1\. Deep dive on Usage.*\n2\. .*\n3\. .*\n$/);
    const report = renderMarkdown(valueReport(richInput()));
    expect(report).toContain(
      '| Measure | October | November | Change |\n| --- | ---: | ---: | ---: |\n| Health score | 72 | 64 | −8 |\n',
    );
    expect(report).not.toContain('Suggested agenda');
  });

  it('keeps a value with a newline or a pipe from breaking a bullet or a table', () => {
    const text = renderMarkdown(
      brief({
        sections: [
          {
            key: 'x',
            heading: 'X',
            lines: ['Two\nlines.'],
            table: { columns: ['Measure', 'Now'], rows: [['a|b', '1']] },
          },
        ],
      }),
    );
    expect(text).toContain('- Two lines.\n');
    expect(text).toContain('| a\\|b | 1 |');
  });
});

describe('renderNoteHtml', () => {
  it('escapes every value: a company named <b>&Co stays text', () => {
    const input = richInput();
    const account = {
      ...input.account,
      name: '<b>&Co',
      contacts: [contact({ id: '1', name: 'O\'Neil "Ace" <script>', roles: ['CHAMPION'] })],
    };
    const html = renderNoteHtml(qbrBrief({ ...input, account }));
    expect(html.startsWith('<h3>QBR prep: &lt;b&gt;&amp;Co, meeting on 2026-12-20</h3>')).toBe(
      true,
    );
    expect(html).toContain('<li>Champion: O&#39;Neil &quot;Ace&quot; &lt;script&gt;.</li>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<script>');
    for (const [, tag] of html.matchAll(/<\/?([a-z0-9]+)/g)) expect(ALLOWED_TAGS).toContain(tag);
  });

  it('writes the value report table as an HTML table', () => {
    const html = renderNoteHtml(valueReport(richInput()));
    expect(html).toContain(
      '<table><tr><th>Measure</th><th>October</th><th>November</th><th>Change</th></tr><tr><td>Health score</td><td>72</td><td>64</td><td>−8</td></tr>',
    );
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('renders a brief that fits unchanged', () => {
    const html = renderNoteHtml(brief());
    expect(html).toBe(
      '<h3>QBR prep: Acme Corp</h3><p>Prepared on 2026-12-06.</p><h3>One</h3><ul><li>A line.</li></ul><h3>Suggested agenda</h3><ul><li>First.</li><li>Second.</li><li>Third.</li></ul>',
    );
  });

  it('cuts the longest sections to stay under the note limit instead of failing', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `Line ${i}: ${'&'.repeat(40)}`);
    const some = Array.from({ length: 400 }, (_, i) => `Other ${i}: ${'x'.repeat(60)}`);
    const short = ['Short and kept.'];
    const html = renderNoteHtml(
      brief({
        sections: [
          { key: 'many', heading: 'Many', lines: many },
          { key: 'some', heading: 'Some', lines: some, missing: short },
          { key: 'short', heading: 'Short', lines: short },
        ],
      }),
    );
    expect(html.length).toBeLessThan(NOTE_LIMIT);
    // The longest list lost lines; the short ones and the agenda are whole.
    const cut = /<li>… and (\d+) more<\/li>/.exec(html);
    expect(cut).not.toBeNull();
    const kept = html.match(/<li>Line \d+: /g)!.length;
    expect(kept + Number(cut![1])).toBe(3000);
    expect(html).toContain('<li>Line 0: ');
    expect(html).toContain('<h3>Short</h3><ul><li>Short and kept.</li></ul>');
    expect(html).toContain('<li>Third.</li></ul>');
    expect(html.length).toBeGreaterThan(NOTE_LIMIT - 1000);
  });

  it('cuts absurdly long values rather than failing', () => {
    const huge = 'W'.repeat(200_000);
    const html = renderNoteHtml(
      brief({
        title: huge,
        sections: [{ key: 'x', heading: 'X', lines: [huge, huge, huge], missing: [huge] }],
        agenda: [huge, huge, huge],
      }),
    );
    expect(html.length).toBeLessThan(NOTE_LIMIT);
    expect(html).toMatch(/^<h3>W+…<\/h3>/);
  });
});

describe('renderJson', () => {
  it('writes the brief with its keys in one fixed order', () => {
    const qbr = qbrBrief(richInput());
    const json = renderJson(qbr);
    expect(JSON.parse(json)).toEqual(qbr);
    expect(Object.keys(JSON.parse(json))).toEqual([
      'kind',
      'title',
      'companyId',
      'generatedAt',
      'generatedOn',
      'sections',
      'agenda',
    ]);
    const shuffled = {
      agenda: qbr.agenda,
      sections: qbr.sections.map(({ missing, lines, heading, key }) => ({
        ...(missing ? { missing } : {}),
        lines,
        heading,
        key,
      })),
      generatedOn: qbr.generatedOn,
      generatedAt: qbr.generatedAt,
      companyId: qbr.companyId,
      title: qbr.title,
      kind: qbr.kind,
    } as Brief;
    expect(renderJson(shuffled)).toBe(json);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('leaves out empty parts', () => {
    const json = renderJson(
      brief({ agenda: undefined, sections: [{ key: 'a', heading: 'A', lines: [], missing: [] }] }),
    );
    expect(JSON.parse(json)).toEqual({
      kind: 'qbr',
      title: 'QBR prep: Acme Corp',
      companyId: '501',
      generatedAt: '2026-12-06T10:00:00.000Z',
      generatedOn: '2026-12-06',
      sections: [{ key: 'a', heading: 'A', lines: [] }],
    });
  });
});
