// A quick run of the sections that measure PostgreSQL beside SQLite, at small sizes, printed and
// not written to BENCHMARKS.md: to check they work before the full `npm run bench`.
//   node test/bench/smoke-postgres.ts [calls] [memory] [card] [webhook]   (all when none named)
import { cpus, release, totalmem, type } from 'node:os';
import { benchmarksMarkdown } from './benchmarks-markdown.ts';
import type { BenchSection } from './bench-section.ts';
import { cardApiLatency } from './card-api-latency.ts';
import { rescoreApiCalls } from './rescore-api-calls.ts';
import { rescoreMemory } from './rescore-memory.ts';
import { webhookIntake } from './webhook-intake.ts';

const SMOKES: Record<string, () => Promise<BenchSection[]>> = {
  calls: async () => [await rescoreApiCalls({ companies: 1_000, postgres: true })],
  memory: () => rescoreMemory({ runs: 1, postgresRuns: 1, sizes: [2_000, 10_000] }),
  card: async () => [
    await cardApiLatency({ companies: 5_000 }),
    await cardApiLatency({ backend: 'postgres', companies: 5_000 }),
  ],
  webhook: async () => [
    await webhookIntake({ runs: 2, runMs: 1_000 }),
    await webhookIntake({ backend: 'postgres', runs: 2, runMs: 1_000 }),
  ],
};

const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in SMOKES));
if (unknown.length > 0) throw new Error(`No smoke run called ${unknown.join(', ')}.`);
const sections: BenchSection[] = [];
for (const name of names.length > 0 ? names : Object.keys(SMOKES)) {
  const started = performance.now();
  sections.push(...(await SMOKES[name]!()));
  console.error(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
process.stdout.write(
  benchmarksMarkdown(
    {
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: cpus().length,
      memoryGiB: totalmem() / 2 ** 30,
      os: `${type()} ${release()} ${process.arch}`,
      node: process.version,
      date: new Date().toISOString(),
      method: 'smoke run at small sizes: figures not comparable with BENCHMARKS.md',
    },
    sections,
  ),
);
