import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sandboxPlaySettings } from '../../src/app/sandbox-play-settings.ts';
import { main } from '../../src/cli/main.ts';
import { TABLE_ROWS } from '../../src/cli/report-command.ts';
import { runRescore } from '../../src/jobs/run-rescore.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../src/store/open-sqlite-store.ts';
import type { BenchSection } from './bench-section.ts';
import { cardTemplates } from './card-api-store.ts';
import { portfolioApiLatency, type PortfolioApiTiming } from './portfolio-api-latency.ts';
import { fillPortfolioStore, portfolioTemplates, type FilledPortfolio } from './portfolio-store.ts';
import { benchConfig, benchGateway, NO_WAITS, rescoreDeps } from './rescore-client.ts';
import { count, figuresOf } from './rescore-figures.ts';
import { preparePortal, servePortal, tempDir, UNLIMITED } from './rescore-world.ts';

const COMPANIES = 100_000;
const TEMPLATE_COMPANIES = 300;
const WEEKS = 52;
const RUNS = 5;
const TARGET_MS = 2_000;
const API_TARGET_MS = 300;
const COMMANDS = {
  portfolio: ['report', 'portfolio'],
  // No dates: the last full quarter, the default.
  retention: ['report', 'retention'],
} as const;

/**
 * `vitals report portfolio` and `vitals report retention` (a quarter) in process, on a store
 * holding 100,000 companies with a year of weekly score history and a year of MRR history.
 */
export async function portfolioReports(): Promise<BenchSection> {
  const dir = tempDir('portfolio-reports');
  try {
    const templates = await passTemplates(dir.path);
    const dataDir = join(dir.path, 'data');
    const store = await openSqliteStore(dataDir);
    let filled: FilledPortfolio;
    let api: PortfolioApiTiming;
    try {
      const asOf = new Date();
      filled = await fillPortfolioStore(store, templates, COMPANIES, WEEKS, asOf);
      api = await portfolioApiLatency(store, dataDir, asOf);
    } finally {
      await store.close();
    }
    const file = join(dataDir, SQLITE_FILE_NAME);
    const plan = weeklyPlan(file);
    const portfolio = await timeCommand(COMMANDS.portfolio, dataDir);
    const retention = await timeCommand(COMMANDS.retention, dataDir);
    return section({ portfolio, retention }, api, filled, plan, statSync(file).size);
  } finally {
    dir.remove();
  }
}

/** Cards, ledgers, facts and tracks as a real pass with plays saves them, for 300 companies. */
async function passTemplates(path: string) {
  const sandboxDir = join(path, 'sandbox');
  await preparePortal(sandboxDir, TEMPLATE_COMPANIES);
  const sandbox = await servePortal(sandboxDir, TEMPLATE_COMPANIES, UNLIMITED);
  try {
    const config = benchConfig(path, 250);
    const gateway = benchGateway(sandbox, config, { headroom: NO_WAITS });
    const settings = await sandboxPlaySettings(config.plays, sandbox.portal.sender, gateway);
    const plays = {
      settings: { ...settings, dailyTaskCapPerOwner: 3 },
      mapping: config.playsMapping,
      leftProperty: 'left_company',
    };
    const { deps, store } = await rescoreDeps(join(path, 'templates'), gateway, config);
    try {
      await runRescore({ ...deps, plays }, { dryRun: false });
      return await portfolioTemplates(store, await cardTemplates(store, gateway));
    } finally {
      await store.close();
    }
  } finally {
    await sandbox.close();
  }
}

interface Timing {
  /** The first run, before SQLite's page cache and the JIT are warm. */
  cold: number;
  runs: number[];
  outputChars: number;
}

/** Milliseconds of `vitals ARGS` through the CLI's own main, output captured and dropped. */
async function timeCommand(args: readonly string[], dataDir: string): Promise<Timing> {
  const env = { VITALS_DATA_DIR: dataDir, HUBSPOT_ACCESS_TOKEN: '', VITALS_CONFIG: '' };
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const once = async () => {
      let out = '';
      const io = {
        out: (t: string) => void (out += t),
        err: () => {},
        color: false,
        errIsTTY: false,
      };
      const started = performance.now();
      const code = await main(['node', 'vitals', ...args], io);
      const ms = performance.now() - started;
      if (code !== 0) throw new Error(`vitals ${args.join(' ')} exited ${code}.`);
      return { ms, chars: out.length };
    };
    const cold = await once();
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) runs.push((await once()).ms);
    return { cold: cold.ms, runs, outputChars: cold.chars };
  } finally {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** SQLite's plan for weekly scores further back than the packed series: one seek a company. */
function weeklyPlan(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT h.company_id, h.scored_at, h.score FROM json_each(@ids) AS c
         CROSS JOIN score_history AS h ON h.portal = @portal AND h.company_id = c.value
         WHERE h.scored_at <= @to AND h.scored_at >= COALESCE(
           (SELECT max(scored_at) FROM score_history
            WHERE portal = @portal AND company_id = c.value AND scored_at <= @from), @from)
         ORDER BY c.value, h.scored_at, h.id`,
      )
      .all({ portal: 'sandbox', ids: '[]', from: '2026-01-01', to: '2026-04-01' }) as {
      detail: string;
    }[];
    return rows.map((r) => r.detail).join('; ');
  } finally {
    db.close();
  }
}

function section(
  timings: Record<keyof typeof COMMANDS, Timing>,
  api: PortfolioApiTiming,
  filled: FilledPortfolio,
  plan: string,
  bytes: number,
): BenchSection {
  const row = (name: keyof typeof COMMANDS, figure: string) => {
    const measurement = figuresOf(timings[name].runs);
    return {
      figure,
      unit: 'ms',
      measurement,
      target: { label: `< ${count(TARGET_MS)}`, met: measurement.median < TARGET_MS },
    };
  };
  const apiP95 = figuresOf(api.runs.map((r) => r.p95));
  const apiMedian = figuresOf(api.runs.map((r) => r.median));
  const cold = (name: keyof typeof COMMANDS) =>
    `\`vitals ${COMMANDS[name].join(' ')}\` ${count(Math.round(timings[name].cold))} ms`;
  return {
    title: `Portfolio reports (vitals report, ${count(COMPANIES)} companies in the store)`,
    rows: [
      row('portfolio', 'vitals report portfolio'),
      row('retention', 'vitals report retention (last full quarter)'),
      {
        figure: 'GET /api/portfolio (the home page), p95 latency',
        unit: 'ms',
        measurement: apiP95,
        target: { label: `< ${API_TARGET_MS}`, met: apiP95.median < API_TARGET_MS },
      },
    ],
    notes: [
      `Target: each under ${count(TARGET_MS)} ms. Each figure is the median of ${RUNS} runs of the command through the CLI's own main in this process (what \`npx vitals\` runs, without Node's start): config, opening the store, every read the report needs, the report and its table for people (${TABLE_ROWS} rows a table, the rest counted), output dropped. One untimed run first; that first run took ${cold('portfolio')} and ${cold('retention')}.`,
      `Store (SQLite, ${(bytes / 2 ** 20).toFixed(0)} MB): ${count(filled.companies)} companies, each with a weekly score reading for ${filled.weeks} weeks (${count(filled.historyRows)} history rows), a saved card, its facts, and an MRR history that begins for all a year ago and moves as a book does (${count(filled.mrrRows)} MRR rows; ${count(filled.churned)} accounts churned in the year), and ${count(filled.npsAnswers)} NPS answers (two contacts per company surveyed each quarter); ${count(filled.ledgerEntries)} ledger entries (${count(filled.doneEntries)} done) and ${count(filled.withTracks)} companies with open tracks. Filled in ${(filled.ms / 1000).toFixed(1)} s. Cards, ledgers, facts and tracks are those a pass with plays saved for ${TEMPLATE_COMPANIES} sandbox companies (daily task cap 3), repeated under new ids.`,
      `GET /api/portfolio: target p95 under ${API_TARGET_MS} ms. ${api.runs.length} runs of 200 signed GETs (HubSpot v3 signature, checked by the server) one at a time over loopback after 50 warm-up requests, each answer checked against the page's contract; the figure is the median of the runs' 95th percentiles (medians: ${apiMedian.median.toFixed(2)} ms). The server answers from the saved view, never computing it per request: it computes and saves the view once per run (the first request after a run does), which for this book took ${count(Math.round(api.saveMs))} ms, once; the answer is ${count(api.viewBytes)} bytes of JSON.`,
      `The portfolio reads, per company, its facts, its card's digest (the part of the card the reports read, saved beside it, a third of its size), its weekly scores for 13 weeks and its ledger; retention reads the facts and the MRR history. Each is one read in key order over the whole portal, merged in memory. The weekly scores come from each company's packed recent scores (18 weeks, kept with every history append); further back, from the history, with this plan: ${plan}.`,
    ],
  };
}
