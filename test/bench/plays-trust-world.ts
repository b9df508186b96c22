import { join } from 'node:path';
import type { App } from '../../src/app/open-app.ts';
import { sandboxPlaySettings } from '../../src/app/sandbox-play-settings.ts';
import { runPlaysSettings } from '../../src/cli/run-plays-settings.ts';
import { runRescore, type RescoreDeps } from '../../src/jobs/run-rescore.ts';
import { openPortalDatabase } from '../../src/sandbox/portal-database.ts';
import { SANDBOX_DEFAULTS } from '../../src/sandbox/sandbox-defaults.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import { openSqliteStore } from '../../src/store/open-sqlite-store.ts';
import { benchConfig, benchGateway, NO_WAITS } from './rescore-client.ts';
import { preparePortal, servePortal, tempDir, UNLIMITED } from './rescore-world.ts';

/**
 * The default demo portal (300 companies) with plays as `npm start` runs them: the default
 * config, the demo portal's sender and sequences, the default daily cap. One clock drives the
 * runs and the store, so every run sees the day the bench says it is.
 */
export async function playsTrustWorld() {
  const dir = tempDir('plays-trust');
  const sandboxDir = join(dir.path, 'sandbox');
  const companies = SANDBOX_DEFAULTS.companies;
  await preparePortal(sandboxDir, companies);
  const sandbox = await servePortal(sandboxDir, companies, UNLIMITED);
  const clock = { now: new Date(`${SANDBOX_DEFAULTS.referenceDate}T00:00:00.000Z`) };
  const store = await openSqliteStore(dir.path, { now: () => clock.now });
  const db = openPortalDatabase(sandboxDir);
  const config = benchConfig(dir.path, 250);
  const gateway = benchGateway(sandbox, config, { headroom: NO_WAITS });
  // What open-app and run-command build for the sandbox; runPlaysSettings reads only the config.
  const plays = await sandboxPlaySettings(config.plays, sandbox.portal.sender, gateway);
  const app = { config: { ...config, plays } } as App;
  const deps: RescoreDeps = {
    gateway,
    store,
    mapping: config,
    model: compileModel(config.model),
    portal: 'sandbox',
    source: 'sandbox',
    holder: `bench-${process.pid}`,
    now: () => clock.now,
    plays: runPlaysSettings(app),
  };
  return {
    companies,
    gateway,
    store,
    /** The sandbox portal's own tables: what HubSpot holds, not what Vitals believes. */
    db,
    settings: deps.plays!.settings,
    /** One full run at `at`, as the schedule would start it. */
    run: (at: Date) => {
      clock.now = at;
      return runRescore(deps, { dryRun: false });
    },
    close: async () => {
      db.close();
      await store.close();
      await sandbox.close();
      dir.remove();
    },
  };
}

export type PlaysTrustWorld = Awaited<ReturnType<typeof playsTrustWorld>>;
