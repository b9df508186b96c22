import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { CARD_PATHS, companyCardSchema } from '../../extensions/app/cards/card-contract.ts';
import { sandboxPlaySettings } from '../../src/app/sandbox-play-settings.ts';
import { Secret } from '../../src/config/secret.ts';
import { runRescore, type RescorePlays } from '../../src/jobs/run-rescore.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import { startServer } from '../../src/server/start-server.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../src/store/open-sqlite-store.ts';
import type { BenchSection } from './bench-section.ts';
import { mulberry32 } from './mulberry32.ts';
import { benchConfig, benchGateway, NO_WAITS, rescoreDeps } from './rescore-client.ts';
import { count, figuresOf } from './rescore-figures.ts';
import { preparePortal, servePortal, tempDir, UNLIMITED } from './rescore-world.ts';
import { cardTemplates, fillCardStore } from './card-api-store.ts';
import { signedGet } from './signed-get.ts';

const COMPANIES = 100_000;
const TEMPLATE_COMPANIES = 300;
const REQUESTS = 500;
const RUNS = 5;
const WARMUP = 200;
const TARGET_MS = 100;
const SECRET = 'bench-card-api-secret';
const PUBLIC_URL = 'https://vitals.example.com';

/** GET /api/cards/companies/:id over loopback, signed, on a store holding 100,000 companies. */
export async function cardApiLatency(): Promise<BenchSection> {
  const dir = tempDir('card-api');
  try {
    const { templates, plays, config } = await realCards(dir.path);
    const store = await openSqliteStore(join(dir.path, 'store'));
    try {
      const fill = await fillCardStore(store, templates, COMPANIES, new Date());
      const plan = historyPlan(join(dir.path, 'store', SQLITE_FILE_NAME));
      const server = await startServer(
        {
          store,
          portal: 'sandbox',
          gateway: {} as never,
          config,
          model: compileModel(config.model),
          plays,
          clientSecret: new Secret(SECRET),
          publicUrl: PUBLIC_URL,
          log: pino({ level: 'silent' }),
        },
        { port: 0, host: '127.0.0.1' },
      );
      try {
        return section(await timeRuns(server.url, fill.ids), fill, plan, dir.path);
      } finally {
        await server.close();
      }
    } finally {
      await store.close();
    }
  } finally {
    dir.remove();
  }
}

/** Cards as a real pass saves them: a sandbox portal scored with plays, one snapshot each. */
async function realCards(path: string) {
  const sandboxDir = join(path, 'sandbox');
  await preparePortal(sandboxDir, TEMPLATE_COMPANIES);
  const sandbox = await servePortal(sandboxDir, TEMPLATE_COMPANIES, UNLIMITED);
  try {
    const config = benchConfig(path, 250);
    const gateway = benchGateway(sandbox, config, { headroom: NO_WAITS });
    const settings = await sandboxPlaySettings(config.plays, sandbox.portal.sender, gateway);
    const plays: RescorePlays = {
      settings: { ...settings, dailyTaskCapPerOwner: 3 },
      mapping: config.playsMapping,
      leftProperty: 'left_company',
    };
    const { deps, store } = await rescoreDeps(join(path, 'templates'), gateway, config);
    try {
      await runRescore({ ...deps, plays }, { dryRun: false });
      return { templates: await cardTemplates(store, gateway), plays, config };
    } finally {
      await store.close();
    }
  } finally {
    await sandbox.close();
  }
}

/** SQLite's plan for the card's history query: it must seek the company's index range. */
function historyPlan(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM score_history
         WHERE portal = ? AND company_id = ? AND scored_at >= ? ORDER BY scored_at, id`,
      )
      .all('sandbox', '1', '2026-01-01') as { detail: string }[];
    return rows.map((r) => r.detail).join('; ');
  } finally {
    db.close();
  }
}

interface Run {
  median: number;
  p95: number;
}

async function timeRuns(base: string, ids: readonly string[]): Promise<Run[]> {
  const random = mulberry32(20_261_123);
  const pick = () => ids[Math.floor(random() * ids.length)]!;
  for (let i = 0; i < WARMUP; i++) await get(base, pick());
  const runs: Run[] = [];
  for (let r = 0; r < RUNS; r++) {
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) times.push(await get(base, pick()));
    times.sort((a, b) => a - b);
    runs.push({ median: times[REQUESTS / 2]!, p95: times[Math.ceil(0.95 * REQUESTS) - 1]! });
  }
  return runs;
}

/** Milliseconds from sending a signed GET to the whole card received; the card is checked. */
async function get(base: string, id: string): Promise<number> {
  const path = CARD_PATHS.company(id);
  const { ms, status, text } = await signedGet(base, path, {
    secret: SECRET,
    publicUrl: PUBLIC_URL,
  });
  if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${text}`);
  if (companyCardSchema.parse(JSON.parse(text)).companyId !== id)
    throw new Error(`GET ${path} answered another company.`);
  return ms;
}

function section(
  runs: Run[],
  fill: Awaited<ReturnType<typeof fillCardStore>>,
  plan: string,
  path: string,
): BenchSection {
  const p95 = figuresOf(runs.map((r) => r.p95));
  const megabytes = statSync(join(path, 'store', SQLITE_FILE_NAME)).size / 2 ** 20;
  return {
    title: `Card API latency (GET /api/cards/companies/:id, ${count(COMPANIES)} companies in the store)`,
    rows: [
      {
        figure: 'GET card, median latency',
        unit: 'ms',
        measurement: figuresOf(runs.map((r) => r.median)),
      },
      {
        figure: 'GET card, p95 latency',
        unit: 'ms',
        measurement: p95,
        target: { label: `< ${TARGET_MS}`, met: p95.median < TARGET_MS },
      },
    ],
    notes: [
      `Target: p95 under ${TARGET_MS} ms. ${RUNS} runs of ${REQUESTS} signed GETs (HubSpot v3 signature, checked by the server) for companies picked at random, one at a time over loopback after ${WARMUP} warm-up requests; each figure is the median of the runs' medians or 95th percentiles. Latency is from sending the request to the whole card received, the client's signing and the card's schema check left out. Exact: median p95 ${p95.median.toFixed(2)} ms (runs ${p95.min.toFixed(2)}–${p95.max.toFixed(2)} ms).`,
      `Store (SQLite, ${megabytes.toFixed(0)} MB): ${count(COMPANIES)} companies, each with ${fill.rowsPerCompany} score-history rows over the last 90 days (${count(fill.historyRows)} rows), a saved card and the ledger entries of its plays (${count(fill.ledgerEntries)} entries, ${count(fill.doneEntries)} done); filled in ${(fill.ms / 1000).toFixed(1)} s. The cards and ledgers are those a pass with plays saved for ${TEMPLATE_COMPANIES} sandbox companies (daily task cap 3), repeated under new ids (${fill.withPlays}% of companies have plays).`,
      `The history query's plan: ${plan}.`,
    ],
  };
}
