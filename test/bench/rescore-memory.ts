import { execFile } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBackend, type BenchBackend } from './bench-backend.ts';
import type { BenchRow, BenchSection } from './bench-section.ts';
import type { MemoryChildResult } from './rescore-memory-child.ts';
import { count, figuresOf, seconds } from './rescore-figures.ts';
import { fullPassOnPostgres } from './rescore-on-postgres.ts';
import { VITALS_NODE_FLAGS } from './vitals-node-flags.ts';
import { preparePortal, servePortal, tempDir, UNLIMITED } from './rescore-world.ts';

const CHILD = fileURLToPath(new URL('./rescore-memory-child.ts', import.meta.url));
const SIZES = [25_000, 100_000];
const TARGET_MB = 300;
const UNIT = 'MB';
const MB = 1e6;

export interface RescoreMemoryOptions {
  /** Fresh processes per size on SQLite. */
  runs: number;
  /**
   * Fresh processes of the largest size on PostgreSQL as well, interleaved with its SQLite runs
   * on the same seeded portal; they make a section of their own (none when 0).
   */
  postgresRuns?: number;
  /** Companies per size, smallest first; smaller ones make a quick smoke run. */
  sizes?: number[];
}

/** One measured pass: the child's figures, and the CPU the database server used meanwhile. */
export type PassRun = MemoryChildResult & { serverCpuMs: number | null };

interface SizeRuns {
  companies: number;
  results: PassRun[];
}

/**
 * Peak RSS of a full pass, each size in a fresh process, to show memory does not grow with it;
 * then, when asked, the largest size on PostgreSQL beside SQLite (wall time, peak RSS, calls).
 */
export async function rescoreMemory({
  runs,
  postgresRuns = 0,
  sizes = SIZES,
}: RescoreMemoryOptions): Promise<BenchSection[]> {
  const onSqlite: SizeRuns[] = [];
  let onPostgres: PostgresRuns | null = null;
  const largest = Math.max(...sizes);
  for (const companies of sizes) {
    const measured = await runsOfSize(companies, runs, companies === largest ? postgresRuns : 0);
    onSqlite.push({ companies, results: measured.sqlite });
    onPostgres = measured.postgres ?? onPostgres;
  }
  const sections = [memorySection(onSqlite, runs)];
  if (onPostgres) {
    sections.push(
      fullPassOnPostgres({
        companies: largest,
        sqlite: onSqlite.at(-1)!.results,
        postgres: onPostgres.results,
        postgresNote: onPostgres.note,
      }),
    );
  }
  return sections;
}

interface PostgresRuns {
  results: PassRun[];
  note: string;
}

/** The runs of one size on one seeded portal: SQLite's, and PostgreSQL's when asked. */
async function runsOfSize(
  companies: number,
  runs: number,
  postgresRuns: number,
): Promise<{ sqlite: PassRun[]; postgres: PostgresRuns | null }> {
  const dir = tempDir('memory');
  try {
    // Seeded once per size; each run gets a copy as it was before any pass wrote to it.
    const pristine = join(dir.path, 'pristine');
    await preparePortal(pristine, companies);
    const pass = (backend: BenchBackend, run: number) =>
      passOnCopy(dir.path, pristine, companies, backend, `${backend.kind}_${run}`);
    return await withBackend('sqlite', dir.path, async (sqlite) => {
      if (postgresRuns === 0) {
        const results: PassRun[] = [];
        for (let run = 0; run < runs; run++) results.push(await pass(sqlite, run));
        return { sqlite: results, postgres: null };
      }
      return withBackend('postgres', dir.path, async (postgres) => {
        const results = { sqlite: [] as PassRun[], postgres: [] as PassRun[] };
        // Alternating, so a drift in the machine touches both backends alike.
        for (let run = 0; run < Math.max(runs, postgresRuns); run++) {
          if (run < runs) results.sqlite.push(await pass(sqlite, run));
          if (run < postgresRuns) results.postgres.push(await pass(postgres, run));
        }
        return {
          sqlite: results.sqlite,
          postgres: { results: results.postgres, note: postgres.note! },
        };
      });
    });
  } finally {
    dir.remove();
  }
}

function memorySection(sizes: SizeRuns[], runs: number): BenchSection {
  const smallest = figuresOf(sizes[0]!.results.map((r) => r.peakBytes / MB));
  const rows: BenchRow[] = sizes.map(({ companies, results }, index) => {
    const peak = figuresOf(results.map((r) => r.peakBytes / MB));
    return {
      figure: `Peak RSS of a full pass, ${count(companies)} companies`,
      unit: UNIT,
      measurement: peak,
      ...(index === 0
        ? {}
        : {
            reference: {
              label: `${count(sizes[0]!.companies)} companies`,
              median: smallest.median,
            },
          }),
      target: { label: `< ${TARGET_MB}`, met: peak.median < TARGET_MB },
    };
  });
  return {
    title: 'Rescore memory (sandbox portal)',
    rows,
    notes: [
      `Measured: the process that runs the pass (gateway, SQLite store, scoring), started fresh for each run of each size (\`test/bench/rescore-memory-child.ts\`, with the Node flags the vitals command runs with: ${VITALS_NODE_FLAGS.join(' ')}, from its shebang); its \`process.resourceUsage().maxRSS\` after the pass, in MB of 10⁶ bytes. The sandbox portal is served by the benchmark's own process and is not counted. ${runs === 1 ? 'One run per size.' : `${runs} runs per size; the median is shown.`}`,
      ...sizes.map(({ companies, results }) => {
        const before = figuresOf(results.map((r) => r.beforePassBytes / MB));
        const took = figuresOf(results.map((r) => r.durationMs));
        return `${count(companies)} companies: ${whole(before.median)} ${UNIT} before the pass (Node, modules, store open, gateway built), so the pass itself added ${whole(figuresOf(results.map((r) => r.peakBytes / MB)).median - before.median)} ${UNIT}; it took ${seconds(took.median)} with the rate limit lifted.`;
      }),
      'A first pass on a fresh store over a freshly seeded portal (each run starts from a copy of it), so every company is written and gets a history row: the heaviest pass there is.',
    ],
  };
}

/**
 * One first pass in a fresh child over a copy of the pristine portal, served from here, on a new
 * store of `backend`; the copy and the store are thrown away after.
 */
async function passOnCopy(
  dir: string,
  pristine: string,
  companies: number,
  backend: BenchBackend,
  name: string,
): Promise<PassRun> {
  const runDir = join(dir, name);
  const sandboxDir = join(runDir, 'sandbox');
  cpSync(pristine, sandboxDir, { recursive: true });
  const at = await backend.storeAt(`store_${name}`);
  try {
    const sandbox = await servePortal(sandboxDir, companies, UNLIMITED);
    try {
      // The database URL goes on the command line with the rest: the child's store is then there
      // and its data directory only holds the config's defaults.
      const args =
        'sqlite' in at
          ? [sandbox.url, sandbox.token, at.sqlite]
          : [sandbox.url, sandbox.token, join(runDir, 'data'), at.postgres];
      const serverCpu = backend.serverCpuMs?.() ?? null;
      const result = await runChild(args);
      const serverCpuMs = serverCpu === null ? null : backend.serverCpuMs!() - serverCpu;
      if (result.companies !== companies || result.updated !== companies) {
        throw new Error(
          `The pass scored ${result.companies} and wrote ${result.updated} of ${companies}.`,
        );
      }
      return { ...result, serverCpuMs };
    } finally {
      await sandbox.close();
    }
  } finally {
    await backend.drop(at);
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** Runs the child without blocking: this process serves the sandbox it calls. */
function runChild(args: string[]): Promise<MemoryChildResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      // As the vitals command runs (its shebang and npm start): see src/cli/vitals.js.
      [...VITALS_NODE_FLAGS, CHILD, ...args],
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
