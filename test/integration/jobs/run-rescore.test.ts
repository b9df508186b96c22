import { describe, expect, it } from 'vitest';
import type { Gateway } from '../../../src/hubspot/create-gateway.ts';
import { runRescore, RunInProgressError, type RescoreDeps } from '../../../src/jobs/run-rescore.ts';
import { compileModel } from '../../../src/scoring/compile-model.ts';
import { sandboxWorld } from '../../support/sandbox-world.ts';

async function world(companies = 250) {
  const { sandbox, store, config, gateway } = await sandboxWorld({ companies });
  const deps = (g: RescoreDeps['gateway'] = gateway, holder = 'test'): RescoreDeps => ({
    gateway: g,
    store,
    mapping: config,
    model: compileModel(config.model),
    portal: 'sandbox',
    source: 'sandbox',
    holder,
  });
  return { sandbox, store, gateway, deps };
}

/** Counts every company id sent to batch update, across runs. */
function countingUpdates(gateway: Gateway, seen: string[]): Gateway {
  return {
    ...gateway,
    updateCompanies: (updates) => {
      seen.push(...updates.map((u) => u.id));
      return gateway.updateCompanies(updates);
    },
  };
}

describe('runRescore against the sandbox portal', () => {
  it('scores every company, writes the health properties, and writes nothing on a second run', async () => {
    const { deps, sandbox } = await world();
    const first = await runRescore(deps(), { dryRun: false });
    expect(first).toMatchObject({
      companies: 250,
      updated: 250,
      unchanged: 0,
      source: 'sandbox',
      resumed: false,
    });
    sandbox.resetRequestCount();
    const second = await runRescore(deps(), { dryRun: false });
    expect(second).toMatchObject({ companies: 250, updated: 0, unchanged: 250 });
    expect(second.apiCalls['companies.batchUpdate']).toBeUndefined();
    expect(Object.keys(sandbox.requestCount()).some((k) => k.includes('batch/update'))).toBe(false);
  });

  it('leaves out a company whose contacts HubSpot will not return, and scores the rest', async () => {
    const { deps, sandbox, gateway } = await world(120);
    const ids = (await gateway.companyPages({ properties: ['name'] }).next()).value!.companies.map(
      (r) => r.id,
    );
    const [broken] = ids;
    sandbox.setFaults({ failingAssociationReads: [broken!] });
    const seen: string[] = [];
    const run = await runRescore(deps(countingUpdates(gateway, seen)), { dryRun: false });
    expect(run).toMatchObject({ companies: 119, scored: 119 });
    expect(seen).not.toContain(broken);
    expect(run.failedUpdates).toEqual([
      {
        id: broken,
        message: expect.stringMatching(/^Not scored this run: HubSpot did not return/),
      },
    ]);
    sandbox.setFaults({ failingAssociationReads: [] });
    const next = await runRescore(deps(countingUpdates(gateway, seen)), { dryRun: false });
    expect(next.failedUpdates).toEqual([]);
    expect(seen).toContain(broken);
  });

  it('uses the fewest calls: list pages, one association read per chunk, contacts by 100', async () => {
    const { deps } = await world(250);
    const { apiCalls, updated } = await runRescore(deps(), { dryRun: false });
    expect(apiCalls['companies.list']).toBe(3);
    expect(apiCalls['associations.batchRead']).toBe(1);
    expect(apiCalls['companies.batchUpdate']).toBe(Math.ceil(updated / 100));
  });

  it('writes nothing in a dry run but still reports what it would change', async () => {
    const { deps, sandbox } = await world(120);
    const dry = await runRescore(deps(), { dryRun: true });
    // `updated` counts the companies a real run would write.
    expect(dry).toMatchObject({ companies: 120, updated: 120, unchanged: 0, dryRun: true });
    expect(Object.keys(sandbox.requestCount()).some((k) => k.includes('batch/update'))).toBe(false);
    expect(dry.apiCalls['companies.batchUpdate']).toBeUndefined();
    const real = await runRescore(deps(), { dryRun: false });
    expect(real.updated).toBe(120);
    const again = await runRescore(deps(), { dryRun: true });
    expect(again).toMatchObject({ updated: 0, unchanged: 120 });
  });

  it('carries on from its cursor after a crash, without writing finished pages again', async () => {
    const { deps, gateway } = await world(500);
    const written: string[] = [];
    let pages = 0;
    const crashing: Gateway = {
      ...countingUpdates(gateway, written),
      async *companyPages(options) {
        for await (const page of gateway.companyPages(options)) {
          if (++pages === 3) throw new Error('killed');
          yield page;
        }
      },
    };
    await expect(runRescore(deps(crashing), { dryRun: false, pagesPerChunk: 1 })).rejects.toThrow(
      'killed',
    );
    expect(written).toHaveLength(200);
    const resumed = await runRescore(deps(countingUpdates(gateway, written)), {
      dryRun: false,
      pagesPerChunk: 1,
    });
    expect(resumed.resumed).toBe(true);
    expect(resumed.companies).toBe(500);
    expect(new Set(written).size).toBe(500);
    expect(written).toHaveLength(500);
    // The tier table covers the whole portal, not only the pages read after the resume.
    const accounts = Object.values(resumed.portfolio.tiers).reduce((n, t) => n + t.accounts, 0);
    expect(accounts).toBe(500);
    const fresh = await runRescore(deps(), { dryRun: true });
    expect(resumed.portfolio.tiers).toEqual(fresh.portfolio.tiers);
  });

  it('stops writing once another process took its lease over, leaving the run to that one', async () => {
    const { deps, gateway, store } = await world(300);
    const written: string[] = [];
    let pages = 0;
    // Between pages 1 and 2 this process stalls past its lease and another takes it.
    const stalling: Gateway = {
      ...countingUpdates(gateway, written),
      async *companyPages(options) {
        for await (const page of gateway.companyPages(options)) {
          if (++pages === 2) {
            await store.releaseLease('full-rescore', 'stalled');
            expect(await store.acquireLease('full-rescore', 'successor', 60_000)).toBe(true);
          }
          yield page;
        }
      },
    };
    const stalled = runRescore(deps(stalling, 'stalled'), { dryRun: false, pagesPerChunk: 1 });
    await expect(stalled).rejects.toMatchObject({ code: 'lease-lost' });
    const [run] = await store.listRuns({ portal: 'sandbox' });
    // Its record is left running at page 1 for the successor, not marked failed by the loser.
    expect(run).toMatchObject({ status: 'running', progress: { pagesDone: 1 } });
    expect(await store.leaseHolder('full-rescore')).toMatchObject({ holder: 'successor' });
    await store.releaseLease('full-rescore', 'successor');
    const resumed = await runRescore(deps(countingUpdates(gateway, written), 'successor'), {
      dryRun: false,
      pagesPerChunk: 1,
    });
    expect(resumed).toMatchObject({ resumed: true, companies: 300 });
    // Page 2's companies were written to HubSpot by the stalled process before its commit was
    // refused (the same values), then again by the successor: HubSpot holds one value each.
    expect(new Set(written).size).toBe(300);
  });

  it('refuses to start while another process holds the run lease', async () => {
    const { deps, store } = await world(10);
    expect(await store.acquireLease('full-rescore', 'someone-else', 60_000)).toBe(true);
    await expect(runRescore(deps(), { dryRun: false })).rejects.toBeInstanceOf(RunInProgressError);
  });

  it('finishes through a 429 storm and a share of 5xx answers', async () => {
    const { deps, sandbox } = await world(300);
    sandbox.setFaults({
      rateLimitStorm: 3,
      stormRetryAfterSeconds: 0,
      serverErrorRate: 0.2,
      serverErrorSeed: 7,
    });
    const summary = await runRescore(deps(), { dryRun: false });
    expect(summary).toMatchObject({ companies: 300, updated: 300 });
    expect(summary.apiCalls['companies.list']).toBeGreaterThan(3);
  }, 30_000);
});
