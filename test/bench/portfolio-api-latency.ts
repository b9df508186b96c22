import { pino } from 'pino';
import {
  PORTFOLIO_PATH,
  portfolioAnswerSchema,
} from '../../extensions/app/pages/home-page-contract.ts';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import { Secret } from '../../src/config/secret.ts';
import { savePortfolioView } from '../../src/jobs/save-portfolio-view.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import { startServer } from '../../src/server/start-server.ts';
import type { Store } from '../../src/store/store.ts';
import { signedGet } from './signed-get.ts';

const SECRET = 'bench-portfolio-secret-51c8';
const PUBLIC_URL = 'https://vitals.example.com';
const WARMUP = 50;
const REQUESTS = 200;
const RUNS = 5;

export interface PortfolioApiTiming {
  /** What a run spends computing and saving the view (once per run, not per request). */
  saveMs: number;
  viewBytes: number;
  runs: { median: number; p95: number }[];
}

/**
 * GET /api/portfolio as HubSpot's home page calls it (signed v3, checked), on the saved view of the
 * store's whole book: computed once, as the first request after a run does, then served.
 */
export async function portfolioApiLatency(
  store: Store,
  dataDir: string,
  asOf: Date,
): Promise<PortfolioApiTiming> {
  const config = resolveConfig({}, { env: { VITALS_DATA_DIR: dataDir }, cwd: dataDir, file: null });
  const model = compileModel(config.model);
  const started = performance.now();
  await savePortfolioView(store, 'sandbox', {
    asOf,
    timeZone: config.plays.timeZone,
    tiers: model.model.tiers.map((t) => ({ key: t.key, label: t.label, color: t.color })),
    playsOn: true,
  });
  const saveMs = performance.now() - started;
  const server = await startServer(
    {
      store,
      portal: 'sandbox',
      // The home page's answer never calls HubSpot.
      gateway: {} as never,
      config,
      model,
      plays: null,
      clientSecret: new Secret(SECRET),
      publicUrl: PUBLIC_URL,
      log: pino({ level: 'silent' }),
    },
    { port: 0, host: '127.0.0.1' },
  );
  try {
    let viewBytes = 0;
    for (let i = 0; i < WARMUP; i++) viewBytes = (await get(server.url)).bytes;
    const runs: PortfolioApiTiming['runs'] = [];
    for (let r = 0; r < RUNS; r++) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) times.push((await get(server.url)).ms);
      times.sort((a, b) => a - b);
      runs.push({ median: times[REQUESTS / 2]!, p95: times[Math.ceil(0.95 * REQUESTS) - 1]! });
    }
    return { saveMs, viewBytes, runs };
  } finally {
    await server.close();
  }
}

/** Milliseconds from sending a signed GET to the whole view received; the view is checked. */
async function get(base: string): Promise<{ ms: number; bytes: number }> {
  const { ms, status, text } = await signedGet(base, PORTFOLIO_PATH, {
    secret: SECRET,
    publicUrl: PUBLIC_URL,
  });
  if (status !== 200) throw new Error(`GET ${PORTFOLIO_PATH} answered ${status}: ${text}`);
  portfolioAnswerSchema.parse(JSON.parse(text));
  return { ms, bytes: text.length };
}
