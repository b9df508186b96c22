import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../src/store/store.ts';
import { openTestStore } from './open-test-store.ts';
import { taskAction } from './planned-action.ts';
import { scoreRecord } from './score-record.ts';

const LEASE = 'full-rescore';
const TTL = 60_000;

const progress = (cursor: string): RunProgress => ({
  cursor,
  pagesDone: 1,
  companies: 100,
  scored: 100,
  unchanged: 0,
  updated: 0,
  apiCalls: {},
});

/** Process A held the run's lease, stalled past it, and B took it over. */
async function takenOver() {
  const { store, open, clock } = await openTestStore();
  expect(await store.acquireLease(LEASE, 'A', TTL)).toBe(true);
  const run = await store.startRun({
    portal: 'sandbox',
    kind: 'full',
    source: 'sandbox',
    dryRun: false,
  });
  clock.advance(TTL + 1);
  const other = await open();
  expect(await other.acquireLease(LEASE, 'B', TTL)).toBe(true);
  return { store, other, run };
}

describe('writes fenced by a lease', () => {
  it('commit a page while the holder still holds it, even lapsed when nobody took it', async () => {
    const { store, clock } = await openTestStore();
    await store.acquireLease(LEASE, 'A', TTL);
    const run = await store.startRun({
      portal: 'sandbox',
      kind: 'full',
      source: 'sandbox',
      dryRun: false,
    });
    clock.advance(TTL + 1);
    await store.commitPage({
      runId: run.id,
      progress: progress('after-100'),
      scores: [scoreRecord({ companyId: '1' })],
      states: [],
      lease: { name: LEASE, holder: 'A' },
    });
    expect((await store.listRuns({ portal: 'sandbox' }))[0]?.progress.cursor).toBe('after-100');
  });

  it('refuse a stalled holder’s page once another took the lease, and write none of it', async () => {
    const { store, other, run } = await takenOver();
    const stale = store.commitPage({
      runId: run.id,
      progress: progress('after-900'),
      scores: [scoreRecord({ companyId: '1' })],
      states: [],
      lease: { name: LEASE, holder: 'A' },
    });
    await expect(stale).rejects.toMatchObject({
      code: 'lease-lost',
      message: expect.stringMatching(/^This process no longer holds the "full-rescore" lock/),
    });
    expect((await other.listRuns({ portal: 'sandbox' }))[0]?.progress.cursor).toBeNull();
    expect(await other.latestScores('sandbox', ['1'])).toEqual(new Map());
  });

  it('refuse a stalled holder’s plays: no intent recorded, so none is carried out', async () => {
    const { store, other } = await takenOver();
    const stale = store.commitPlays({
      portal: 'sandbox',
      intents: [taskAction()],
      active: [],
      lease: { name: LEASE, holder: 'A' },
    });
    await expect(stale).rejects.toMatchObject({ code: 'lease-lost' });
    expect(await other.unfinishedActions('sandbox')).toEqual([]);
    const fresh = await other.commitPlays({
      portal: 'sandbox',
      intents: [taskAction()],
      active: [],
      lease: { name: LEASE, holder: 'B' },
    });
    expect(fresh).toHaveLength(1);
  });
});
