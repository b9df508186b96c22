import { describe, expect, it } from 'vitest';
import { orphanedRun } from '../../../src/jobs/orphaned-run.ts';
import { openTestStore } from '../store/open-test-store.ts';

const START = '2025-03-10T12:00:00.000Z';
const RUN = { portal: 'sandbox', kind: 'full', source: 'sandbox', dryRun: false } as const;
const TEN_MINUTES = 10 * 60_000;

describe('a run another process left unfinished', () => {
  const query = (now: Date) =>
    ({ portal: 'sandbox', source: 'sandbox', dryRun: false, now }) as const;

  it('is one whose record says running while nobody holds the run lease, or its lease lapsed', async () => {
    const { store, clock } = await openTestStore(START);
    expect(await orphanedRun(store, query(clock.now()))).toBe(false);
    await store.acquireLease('full-rescore', 'replica-a', TEN_MINUTES);
    await store.startRun(RUN);
    // Replica A is running it and renewing its lease.
    expect(await orphanedRun(store, query(clock.now()))).toBe(false);
    // A stopped renewing: once the lease lapses, the run is there to be carried on.
    clock.advance(TEN_MINUTES);
    expect(await orphanedRun(store, query(clock.now()))).toBe(true);
    await store.releaseLease('full-rescore', 'replica-a');
    expect(await orphanedRun(store, query(clock.now()))).toBe(true);
    // Another dry-run flag or portal is another run.
    expect(await orphanedRun(store, { ...query(clock.now()), dryRun: true })).toBe(false);
  });

  it('is not a run that finished, failed or stopped: those wait for the schedule', async () => {
    const { store, clock } = await openTestStore(START);
    for (const status of ['completed', 'failed', 'stopped'] as const) {
      const run = await store.startRun(RUN);
      await store.finishRun(run.id, { status });
      expect(await orphanedRun(store, query(clock.now()))).toBe(false);
      clock.advance(1000);
    }
  });
});
