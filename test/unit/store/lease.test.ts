import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { manualClock, openTestStore } from './open-test-store.ts';

const TTL = 30_000;

describe('leases', () => {
  it('lets only one of two stores on the same file hold a lease', async () => {
    const { store: a, open } = await openTestStore();
    const b = await open();
    expect(await a.acquireLease('full-run', 'a', TTL)).toBe(true);
    expect(await b.acquireLease('full-run', 'b', TTL)).toBe(false);
    expect(await b.acquireLease('other', 'b', TTL)).toBe(true);
  });

  it('hands the lease over once its holder releases it', async () => {
    const { store: a, open } = await openTestStore();
    const b = await open();
    await a.acquireLease('full-run', 'a', TTL);
    expect(await b.releaseLease('full-run', 'b')).toBe(false);
    expect(await a.releaseLease('full-run', 'a')).toBe(true);
    expect(await b.acquireLease('full-run', 'b', TTL)).toBe(true);
  });

  it('lets the holder acquire again, which extends the lease', async () => {
    const { store, clock, open } = await openTestStore();
    const other = await open();
    await store.acquireLease('full-run', 'a', TTL);
    clock.advance(TTL - 1);
    expect(await store.acquireLease('full-run', 'a', TTL)).toBe(true);
    clock.advance(TTL - 1);
    expect(await other.acquireLease('full-run', 'b', TTL)).toBe(false);
  });

  it('lets another holder take an expired lease over, and then the old holder is out', async () => {
    const { store: a, open, clock } = await openTestStore();
    const b = await open();
    await a.acquireLease('full-run', 'a', TTL);
    clock.advance(TTL - 1);
    expect(await b.acquireLease('full-run', 'b', TTL)).toBe(false);
    clock.advance(1);
    expect(await b.acquireLease('full-run', 'b', TTL)).toBe(true);
    expect(await a.renewLease('full-run', 'a', TTL)).toBe(false);
    expect(await a.acquireLease('full-run', 'a', TTL)).toBe(false);
    expect(await a.releaseLease('full-run', 'a')).toBe(false);
  });

  it('keeps the lease from expiring while its holder renews it', async () => {
    const { store: a, open, clock } = await openTestStore();
    const b = await open();
    await a.acquireLease('full-run', 'a', TTL);
    for (let i = 0; i < 5; i++) {
      clock.advance(TTL / 2);
      expect(await a.renewLease('full-run', 'a', TTL)).toBe(true);
    }
    clock.advance(TTL - 1);
    expect(await b.acquireLease('full-run', 'b', TTL)).toBe(false);
  });

  it('judges expiry by the clock of the store that asks', async () => {
    const { store: a, open } = await openTestStore('2025-03-10T12:00:00Z');
    const later = manualClock('2025-03-10T12:00:30Z');
    const b = await open({ now: later.now });
    await a.acquireLease('full-run', 'a', TTL);
    expect(await b.acquireLease('full-run', 'b', TTL)).toBe(true);
  });

  // On PostgreSQL each store asks on connections of its own pool, so the requests for a lease
  // really meet in the database: free, and again once it expired under both stores' clock.
  it('gives each of many leases to exactly one of two stores asking at once', async () => {
    const { store: a, open, clock } = await openTestStore();
    const b = await open();
    const names = Array.from({ length: 40 }, (_, i) => `lease-${i}`);
    const race = async (holderA: string, holderB: string) => {
      const won = await Promise.all(
        names.map(async (name) => {
          const [byA, byB] = await Promise.all([
            a.acquireLease(name, holderA, TTL),
            b.acquireLease(name, holderB, TTL),
          ]);
          return { byA, byB, holder: (await a.leaseHolder(name))?.holder };
        }),
      );
      for (const { byA, byB, holder } of won) {
        expect(byA !== byB).toBe(true);
        expect(holder).toBe(byA ? holderA : holderB);
      }
    };
    await race('a', 'b');
    clock.advance(TTL);
    await race('a2', 'b2');
  });

  it('rejects a lease without a positive duration', async () => {
    const { store } = await openTestStore();
    await expect(store.acquireLease('full-run', 'a', 0)).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('gives the lease to exactly one of several threads asking at once', async () => {
    const { dataDir, databaseUrl } = await openTestStore();
    const start = new SharedArrayBuffer(8);
    const signal = new Int32Array(start);
    const racers = ['w1', 'w2', 'w3', 'w4'].map((holder) => {
      const worker = new Worker(new URL('./lease-racer.ts', import.meta.url), {
        workerData: { dataDir, databaseUrl, holder, start },
      });
      return new Promise<boolean>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    });
    while (Atomics.load(signal, 1) < racers.length) await new Promise((r) => setTimeout(r, 5));
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
    const won = await Promise.all(racers);
    expect(won.filter(Boolean)).toHaveLength(1);
  });
});
