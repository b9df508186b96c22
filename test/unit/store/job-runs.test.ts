import { describe, expect, it } from 'vitest';
import type { PageCommit, RunProgress, StartRun } from '../../../src/store/store.ts';
import { openTestStore } from './open-test-store.ts';
import { scoreRecord } from './score-record.ts';

const FULL: StartRun = { portal: 'sandbox', kind: 'full', source: 'sandbox', dryRun: false };

const progress = (overrides: Partial<RunProgress> = {}): RunProgress => ({
  cursor: 'after-100',
  pagesDone: 1,
  companies: 100,
  scored: 98,
  unchanged: 90,
  updated: 8,
  apiCalls: { 'crm.companies.list': 1, 'crm.companies.batchUpdate': 1 },
  ...overrides,
});

const page = (runId: string, overrides: Partial<PageCommit> = {}): PageCommit => ({
  runId,
  progress: progress(),
  scores: [scoreRecord({ companyId: '1' }), scoreRecord({ companyId: '2' })],
  states: [
    {
      portal: 'sandbox',
      companyId: '1',
      properties: { health_score: '72' },
      checkedAt: '2025-03-10T12:00:00Z',
    },
  ],
  ...overrides,
});

describe('job runs', () => {
  it('starts a run with zero totals and lists runs newest first', async () => {
    const { store, clock } = await openTestStore();
    const first = await store.startRun(FULL);
    clock.advance(1000);
    const second = await store.startRun({ ...FULL, dryRun: true });
    expect(first).toMatchObject({ status: 'running', dryRun: false, finishedAt: null });
    expect(first.progress).toEqual({
      cursor: null,
      pagesDone: 0,
      companies: 0,
      scored: 0,
      unchanged: 0,
      updated: 0,
      apiCalls: {},
    });
    expect((await store.listRuns()).map((r) => r.id)).toEqual([second.id, first.id]);
    expect(await store.listRuns({ portal: 'other' })).toEqual([]);
    expect(await store.listRuns({ limit: 1 })).toHaveLength(1);
  });

  it('keeps the model that scored a run, and null for a run that named none', async () => {
    const { store } = await openTestStore();
    const named = await store.startRun({ ...FULL, model: 'retention-os 1+3fa9c2d1' });
    const unnamed = await store.startRun({ ...FULL, source: 'hubspot' });
    expect(named.model).toBe('retention-os 1+3fa9c2d1');
    expect(unnamed.model).toBeNull();
    const finished = await store.finishRun(named.id, { status: 'completed' });
    expect(finished.model).toBe('retention-os 1+3fa9c2d1');
    expect((await store.listRuns()).map((r) => r.model).sort()).toEqual([
      null,
      'retention-os 1+3fa9c2d1',
    ]);
  });

  it('commits a page: its scores, states and the run totals together', async () => {
    const { store, clock } = await openTestStore();
    const run = await store.startRun(FULL);
    clock.advance(5000);
    await store.commitPage(page(run.id));
    expect((await store.latestScores('sandbox', ['1', '2'])).size).toBe(2);
    expect((await store.companyStates('sandbox', ['1'])).size).toBe(1);
    const [saved] = await store.listRuns();
    expect(saved).toMatchObject({ progress: progress(), updatedAt: '2025-03-10T12:00:05.000Z' });
  });

  it('writes nothing of a page when one of its rows fails', async () => {
    const { store } = await openTestStore();
    const run = await store.startRun(FULL);
    const good = page(run.id);
    const badState = { ...good.states[0]!, companyId: '2', checkedAt: 'not a time' };
    await expect(store.commitPage({ ...good, states: [...good.states, badState] })).rejects.toThrow(
      /checkedAt/,
    );
    expect((await store.latestScores('sandbox', ['1', '2'])).size).toBe(0);
    expect((await store.companyStates('sandbox', ['1'])).size).toBe(0);
    expect((await store.listRuns())[0]?.progress.pagesDone).toBe(0);
  });

  it('refuses a page for a run that is no longer running, writing nothing', async () => {
    const { store } = await openTestStore();
    const run = await store.startRun(FULL);
    await store.finishRun(run.id, { status: 'stopped' });
    await expect(store.commitPage(page(run.id))).rejects.toMatchObject({
      code: 'run-not-running',
    });
    await expect(store.commitPage(page('nope'))).rejects.toMatchObject({ code: 'run-not-found' });
    expect((await store.latestScores('sandbox', ['1', '2'])).size).toBe(0);
  });

  it('finishes a run once, with its status, error and final totals', async () => {
    const { store, clock } = await openTestStore();
    const run = await store.startRun(FULL);
    clock.advance(60_000);
    const final = progress({ cursor: null, pagesDone: 3 });
    const done = await store.finishRun(run.id, {
      status: 'failed',
      error: 'boom',
      progress: final,
    });
    expect(done).toMatchObject({
      status: 'failed',
      error: 'boom',
      finishedAt: '2025-03-10T12:01:00.000Z',
      progress: final,
    });
    await expect(store.finishRun(run.id, { status: 'completed' })).rejects.toMatchObject({
      code: 'run-not-running',
    });
  });
});

describe('resuming a run', () => {
  it('finds a killed run after a restart, with its cursor and totals', async () => {
    const { store, open } = await openTestStore();
    const run = await store.startRun(FULL);
    await store.commitPage(page(run.id, { progress: progress({ cursor: 'after-200' }) }));
    await store.close();

    const restarted = await open();
    const found = await restarted.findResumableRun(FULL);
    expect(found).toMatchObject({ id: run.id, status: 'running' });
    expect(found?.progress.cursor).toBe('after-200');
    expect(await restarted.findResumableRun({ ...FULL, dryRun: true })).toBeNull();
    expect(await restarted.findResumableRun({ ...FULL, portal: '42' })).toBeNull();
  });

  it('reopens a stopped run so further pages add to it', async () => {
    const { store } = await openTestStore();
    const run = await store.startRun(FULL);
    await store.commitPage(page(run.id));
    await store.finishRun(run.id, { status: 'stopped', error: 'daily limit' });
    expect((await store.findResumableRun(FULL))?.id).toBe(run.id);
    const resumed = await store.resumeRun(run.id);
    expect(resumed).toMatchObject({ status: 'running', finishedAt: null, error: null });
    await store.commitPage(page(run.id, { progress: progress({ pagesDone: 2 }) }));
    expect((await store.listRuns())[0]?.progress.pagesDone).toBe(2);
  });

  it('offers nothing once the newest run completed, even if an older one did not', async () => {
    const { store, clock } = await openTestStore();
    await store.startRun(FULL);
    clock.advance(1000);
    const newer = await store.startRun(FULL);
    await store.finishRun(newer.id, { status: 'completed' });
    expect(await store.findResumableRun(FULL)).toBeNull();
    await expect(store.resumeRun(newer.id)).rejects.toMatchObject({ code: 'run-completed' });
  });
});

describe('what the store keeps of runs', () => {
  it('says so for a run id it never gave', async () => {
    const { store } = await openTestStore();
    await expect(store.finishRun('nope', { status: 'completed' })).rejects.toMatchObject({
      code: 'run-not-found',
    });
    await expect(store.resumeRun('nope')).rejects.toMatchObject({ code: 'run-not-found' });
  });

  it('lists the newest 20 by default, and of one portal when asked', async () => {
    const { store, clock } = await openTestStore();
    for (let i = 0; i < 22; i++) {
      await store.startRun({ ...FULL, portal: i % 2 === 0 ? 'sandbox' : '42' });
      clock.advance(1000);
    }
    const all = await store.listRuns();
    expect(all).toHaveLength(20);
    expect(all[0]?.startedAt).toBe('2025-03-10T12:00:21.000Z');
    expect((await store.listRuns({ portal: '42' })).every((run) => run.portal === '42')).toBe(true);
    expect(await store.listRuns({ portal: '42', limit: 50 })).toHaveLength(11);
  });

  it('keeps the portfolio snapshot of a page with its totals', async () => {
    const { store } = await openTestStore();
    const run = await store.startRun(FULL);
    const portfolio = {
      tiers: { healthy: { accounts: 3, mrr: 1500 } },
      up: [{ id: '1', name: 'Acme', from: 40, to: 70 }],
      down: [],
    };
    await store.commitPage(page(run.id, { progress: progress({ portfolio }) }));
    expect((await store.findResumableRun(FULL))?.progress.portfolio).toEqual(portfolio);
  });
});

describe('two processes on one run', () => {
  it('lets only one of them finish it', async () => {
    const { store, open } = await openTestStore();
    const other = await open();
    const run = await store.startRun(FULL);
    const results = await Promise.allSettled([
      store.finishRun(run.id, { status: 'completed', progress: progress({ pagesDone: 7 }) }),
      other.finishRun(run.id, { status: 'failed', error: 'boom' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(['run-not-running']);
    const [saved] = await store.listRuns();
    expect(saved?.status).toBe(won[0]!.value.status);
  });

  it('never lands a page on a run the other finished meanwhile', async () => {
    const { store, open } = await openTestStore();
    const other = await open();
    for (let round = 0; round < 5; round++) {
      const run = await store.startRun(FULL);
      const scores = [scoreRecord({ companyId: run.id })];
      const [committed] = await Promise.allSettled([
        store.commitPage(page(run.id, { scores, progress: progress({ pagesDone: 9 }) })),
        other.finishRun(run.id, { status: 'stopped' }),
      ]);
      const saved = (await store.listRuns()).find((r) => r.id === run.id)!;
      const kept = (await store.latestScores('sandbox', [run.id])).size;
      expect(saved.status).toBe('stopped');
      // Either the page went in before the finish, whole, or it was refused and left nothing.
      if (committed.status === 'fulfilled')
        expect([saved.progress.pagesDone, kept]).toEqual([9, 1]);
      else expect([saved.progress.pagesDone, kept]).toEqual([0, 0]);
    }
  });
});
