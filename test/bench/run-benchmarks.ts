import { writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchmarksMarkdown } from './benchmarks-markdown.ts';
import type { MeasureOptions } from './measure.ts';
import { engineThroughput } from './engine-throughput.ts';

const OUTPUT = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const OPTIONS: MeasureOptions = { runs: 7, warmupMs: 500, runMs: 300 };

const started = performance.now();
// Later areas add their section here.
const sections = [engineThroughput(OPTIONS)];

const markdown = benchmarksMarkdown(
  {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    os: `${type()} ${release()} ${process.arch}`,
    node: process.version,
    date: new Date().toISOString(),
    method: `each figure is the median of ${OPTIONS.runs} timed runs of ≥ ${OPTIONS.runMs} ms after a ${OPTIONS.warmupMs} ms warm-up, in one process on one thread`,
  },
  sections,
);
writeFileSync(OUTPUT, markdown);
process.stdout.write(markdown);
console.log(`\nWrote ${OUTPUT} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
