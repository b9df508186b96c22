import { describe, expect, it } from 'vitest';
import { storeOnPostgres } from '../../support/postgres-database.ts';
import { openTestStore } from './open-test-store.ts';

const SECOND = 1_000;
const T0 = Date.parse('2025-03-10T12:00:00.000Z');

describe('the rate budget processes share', () => {
  it.skipIf(storeOnPostgres())('is none on SQLite, which serves one process', async () => {
    const { store } = await openTestStore();
    expect(store.rateBudget()).toBeNull();
  });

  it.runIf(storeOnPostgres())(
    'lets exactly the limit through across processes taking at once, then none for 10 s',
    async () => {
      const { store, open } = await openTestStore();
      const stores = [store, await open(), await open()];
      const takes = await Promise.all(
        Array.from({ length: 60 }, (_, i) => stores[i % 3]!.rateBudget()!.take('hubspot', T0, 25)),
      );
      expect(takes.filter(Boolean)).toHaveLength(25);
      const budget = store.rateBudget()!;
      expect(await budget.take('hubspot', T0 + 9 * SECOND, 25)).toBe(false);
      // Another name is another budget.
      expect(await budget.take('search', T0 + 9 * SECOND, 25)).toBe(true);
      // Ten seconds on, the first second's calls have left the window.
      expect(await budget.take('hubspot', T0 + 10 * SECOND, 25)).toBe(true);
    },
  );
});
