import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { createGateway } from '../../../src/hubspot/create-gateway.ts';
import { HEALTH_GROUP, healthProperties } from '../../../src/jobs/health-properties.ts';
import { runRescore, RunInProgressError } from '../../../src/jobs/run-rescore.ts';
import { setupPortal } from '../../../src/jobs/setup-portal.ts';
import { startSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { compileModel } from '../../../src/scoring/compile-model.ts';
import { openSqliteStore } from '../../../src/store/open-sqlite-store.ts';

/** A sandbox portal nobody has set up yet, and what a run needs beside it. */
async function freshPortal() {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-fresh-'));
  const sandbox = await startSandbox({
    dataDir: join(dir, 'sandbox'),
    companies: 20,
    rateLimit: { per10s: 250 },
  });
  onTestFinished(() => sandbox.close());
  const config = resolveConfig({}, { env: { VITALS_DATA_DIR: dir }, cwd: dir, file: null });
  const gateway = createGateway({
    accessToken: sandbox.token,
    basePath: sandbox.url,
    per10s: 250,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
  const openStore = async () => {
    const store = await openSqliteStore(mkdtempSync(join(tmpdir(), 'vitals-store-')));
    onTestFinished(() => store.close());
    return store;
  };
  return { config, gateway, openStore };
}

describe('two runs started at the same instant on a portal nobody has set up', () => {
  it('sets the portal up once, under the lock: the other run is told a run is under way', async () => {
    const { config, gateway, openStore } = await freshPortal();
    const store = await openStore();
    const run = (holder: string) =>
      runRescore(
        {
          gateway,
          store,
          mapping: config,
          model: compileModel(config.model),
          portal: 'sandbox',
          source: 'sandbox',
          holder,
          setUp: async () => {
            await setupPortal(gateway, config, { dryRun: false });
          },
        },
        { dryRun: false },
      );

    const [a, b] = await Promise.allSettled([run('run-a'), run('run-b')]);

    expect(a).toMatchObject({ status: 'fulfilled', value: { companies: 20, updated: 20 } });
    expect(b).toMatchObject({ status: 'rejected' });
    expect((b as PromiseRejectedResult).reason).toBeInstanceOf(RunInProgressError);
    expect(gateway.apiCalls()['propertyGroups.create']).toBe(1);
  });

  it('takes a group or property another setup made a moment ago as already there', async () => {
    const { config, gateway } = await freshPortal();
    // Two stores (two data directories), so no lock stands between them: both find nothing,
    // then both create.
    let listed = 0;
    let bothListed: () => void;
    const barrier = new Promise<void>((resolve) => (bothListed = resolve));
    const racing = {
      ...gateway,
      listPropertyGroups: async (objectType: string) => {
        const groups = await gateway.listPropertyGroups(objectType);
        if (++listed === 2) bothListed();
        await barrier;
        return groups;
      },
    };
    const [a, b] = await Promise.all([
      setupPortal(racing, config, { dryRun: false }),
      setupPortal(racing, config, { dryRun: false }),
    ]);

    expect(gateway.apiCalls()['propertyGroups.create']).toBe(2);
    const made = [...a.created, ...b.created];
    expect(made.filter((c) => c === `group ${HEALTH_GROUP.name}`)).toHaveLength(1);
    for (const p of healthProperties(config.model.tiers))
      expect(made.filter((c) => c === `property ${p.name}`)).toHaveLength(1);
    const names = (await gateway.listProperties('companies')).map((p) => p.name);
    for (const p of healthProperties(config.model.tiers)) expect(names).toContain(p.name);
  });
});
