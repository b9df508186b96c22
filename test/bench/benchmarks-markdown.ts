import type { BenchRow, BenchSection } from './bench-section.ts';

export interface BenchEnvironment {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** ISO 8601. */
  date: string;
  /** How each figure was taken, e.g. "median of 7 runs after a warm-up". */
  method: string;
}

/** BENCHMARKS.md: how to run it, where it ran, then one table per benchmark area. */
export function benchmarksMarkdown(env: BenchEnvironment, sections: BenchSection[]): string {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (`test/bench/run-benchmarks.ts`); do not edit by hand. Figures',
    'depend on the machine: run it again where you deploy, and compare ratios rather than raw',
    'speeds across machines.',
    '',
    '| | |',
    '|---|---|',
    `| Machine | ${env.cpu}, ${env.cores} cores, ${env.memoryGiB.toFixed(1)} GiB RAM |`,
    `| OS | ${env.os} |`,
    `| Node | ${env.node} |`,
    `| Date | ${env.date} |`,
    `| Method | ${env.method} |`,
  ];
  for (const section of sections) lines.push('', ...sectionLines(section));
  return lines.join('\n') + '\n';
}

function sectionLines(section: BenchSection): string[] {
  return [
    `## ${section.title}`,
    '',
    '| Figure | Median | Runs (min–max) | Reference | Ratio | Target | Met? |',
    '|---|--:|--:|---|--:|---|---|',
    ...section.rows.map(rowLine),
    ...(section.notes.length > 0 ? ['', ...section.notes.map((note) => `- ${note}`)] : []),
  ];
}

function rowLine(row: BenchRow): string {
  const m = row.measurement;
  const cells = [
    row.figure,
    `${whole(m.median)} ${row.unit}`,
    `${m.runs} (${whole(m.min)}–${whole(m.max)})`,
    row.reference ? `${row.reference.label}: ${whole(row.reference.median)}` : '—',
    // A reference of 0 (a pass that needs no calls) has no ratio to give.
    row.reference && row.reference.median !== 0
      ? `${(m.median / row.reference.median).toFixed(2)}×`
      : '—',
    row.target ? `${row.target.label} ${row.unit}` : '—',
    row.target ? (row.target.met ? 'met' : '**not met**') : '—',
  ];
  return `| ${cells.join(' | ')} |`;
}

function whole(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
