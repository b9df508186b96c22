import type { Config } from '../../src/config/config.ts';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import {
  createGateway,
  type Gateway,
  type GatewayLogger,
} from '../../src/hubspot/create-gateway.ts';
import type { RescoreDeps } from '../../src/jobs/run-rescore.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import type { Store } from '../../src/store/store.ts';
import { openBenchStore, type StoreAt } from './bench-store.ts';

// The app's side of a bench pass: config, gateway, store. Nothing here loads the sandbox, so a
// process that imports only this module holds what `vitals run` holds against HubSpot.

/**
 * Gateway headroom that lifts its own limiter far above any pass (250 × 4,000 per 10 s). The
 * gateway's per10s only takes HubSpot's tiers; this is how a bench takes its waits away.
 */
export const NO_WAITS = 4000;

export type Per10s = Config['rateLimit']['per10s'];

/** The resolved config of a data directory with no config file but a rate limit. */
export function benchConfig(dataDir: string, per10s: Per10s): Config {
  return resolveConfig(
    { rateLimit: { per10s } },
    { env: { VITALS_DATA_DIR: dataDir }, cwd: dataDir, file: null },
  );
}

/** A gateway as connect-portal builds it for the sandbox, optionally with its waits lifted. */
export function benchGateway(
  portal: { url: string; token: string },
  config: Config,
  options: { headroom?: number; logger?: GatewayLogger } = {},
): Gateway {
  return createGateway({
    accessToken: portal.token,
    basePath: portal.url,
    per10s: config.rateLimit.per10s,
    dailyLimit: config.rateLimit.dailyLimit ?? undefined,
    ...options,
  });
}

/**
 * What runRescore needs (scoring only, no plays), on the store at `at` (a SQLite directory by
 * default); `now` fixes its clock.
 */
export async function rescoreDeps(
  at: StoreAt | string,
  gateway: Gateway,
  config: Config,
  now?: () => Date,
): Promise<{ deps: RescoreDeps; store: Store }> {
  const store = await openBenchStore(typeof at === 'string' ? { sqlite: at } : at);
  const deps: RescoreDeps = {
    gateway,
    store,
    mapping: config,
    model: compileModel(config.model),
    portal: 'sandbox',
    source: 'sandbox',
    holder: `bench-${process.pid}`,
    ...(now ? { now } : {}),
  };
  return { deps, store };
}

/** Sum of a calls-by-endpoint record. */
export function totalCalls(calls: Record<string, number>): number {
  return Object.values(calls).reduce((sum, n) => sum + n, 0);
}
