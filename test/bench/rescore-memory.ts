import { execFile } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow, BenchSection } from './bench-section.ts';
import type { MemoryChildResult } from './rescore-memory-child.ts';
import { count, figuresOf, seconds } from './rescore-figures.ts';
import { preparePortal, servePortal, tempDir, UNLIMITED } from './rescore-world.ts';

const CHILD = fileURLToPath(new URL('./rescore-memory-child.ts', import.meta.url));
const SIZES = [25_000, 100_000];
const TARGET_MB = 300;
const UNIT = 'MB';
const MB = 1e6;

interface SizeRuns {
  companies: number;
  results: MemoryChildResult[];
}

/** Peak RSS of a full pass, each size in a fresh process, to show memory does not grow with it. */
export async function rescoreMemory(runs: number): Promise<BenchSection> {
  const sizes: SizeRuns[] = [];
  for (const companies of SIZES) {
    const dir = tempDir('memory');
    try {
      // Seeded once per size; each run gets a copy as it was before any pass wrote to it.
      const pristine = join(dir.path, 'pristine');
      await preparePortal(pristine, companies);
      const results: MemoryChildResult[] = [];
      for (let run = 0; run < runs; run++) {
        const runDir = join(dir.path, `run-${run}`);
        cpSync(pristine, join(runDir, 'sandbox'), { recursive: true });
        results.push(await passInChild(runDir, companies));
        rmSync(runDir, { recursive: true, force: true });
      }
      sizes.push({ companies, results });
    } finally {
      dir.remove();
    }
  }
  const smallest = figuresOf(sizes[0]!.results.map((r) => r.peakBytes / MB));
  const rows: BenchRow[] = sizes.map(({ companies, results }, index) => {
    const peak = figuresOf(results.map((r) => r.peakBytes / MB));
    return {
      figure: `Peak RSS of a full pass, ${count(companies)} companies`,
      unit: UNIT,
      measurement: peak,
      ...(index === 0
        ? {}
        : { reference: { label: `${count(SIZES[0]!)} companies`, median: smallest.median } }),
      target: { label: `< ${TARGET_MB}`, met: peak.median < TARGET_MB },
    };
  });
  return {
    title: 'Rescore memory (sandbox portal)',
    rows,
    notes: [
      `Measured: the process that runs the pass (gateway, SQLite store, scoring), started fresh for each run of each size (\`test/bench/rescore-memory-child.ts\`, default Node flags); its \`process.resourceUsage().maxRSS\` after the pass, in MB of 10⁶ bytes. The sandbox portal is served by the benchmark's own process and is not counted. ${runs === 1 ? 'One run per size.' : `${runs} runs per size; the median is shown.`}`,
      ...sizes.map(({ companies, results }) => {
        const before = figuresOf(results.map((r) => r.beforePassBytes / MB));
        const took = figuresOf(results.map((r) => r.durationMs));
        return `${count(companies)} companies: ${whole(before.median)} ${UNIT} before the pass (Node, modules, store open, gateway built), so the pass itself added ${whole(figuresOf(results.map((r) => r.peakBytes / MB)).median - before.median)} ${UNIT}; it took ${seconds(took.median)} with the rate limit lifted.`;
      }),
      'A first pass on a fresh store over a freshly seeded portal (each run starts from a copy of it), so every company is written and gets a history row: the heaviest pass there is.',
    ],
  };
}

/** One first pass in a fresh child over the portal in `runDir/sandbox`, served from here. */
async function passInChild(runDir: string, companies: number): Promise<MemoryChildResult> {
  const sandbox = await servePortal(join(runDir, 'sandbox'), companies, UNLIMITED);
  try {
    const result = await runChild([sandbox.url, sandbox.token, join(runDir, 'store')]);
    if (result.companies !== companies || result.updated !== companies) {
      throw new Error(
        `The pass scored ${result.companies} and wrote ${result.updated} of ${companies}.`,
      );
    }
    return result;
  } finally {
    await sandbox.close();
  }
}

/** Runs the child without blocking: this process serves the sandbox it calls. */
function runChild(args: string[]): Promise<MemoryChildResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CHILD, ...args],
      { maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as MemoryChildResult);
      },
    );
  });
}

function whole(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
