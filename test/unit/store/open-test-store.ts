import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { openSqliteStore } from '../../../src/store/open-sqlite-store.ts';
import { openPostgresStore } from '../../../src/store/postgres/open-postgres-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { freshPostgresDatabase, storeOnPostgres } from '../../support/postgres-database.ts';

export interface ManualClock {
  now: () => Date;
  advance: (ms: number) => void;
}

export function manualClock(start: string): ManualClock {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance: (ms) => {
      time += ms;
    },
  };
}

/** A fresh temp directory, deleted when the test ends. */
export function tempDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitals-store-'));
  onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/**
 * A store on a fresh temp directory, or in the PostgreSQL test project on a fresh database; `open`
 * opens more stores on the same file or database (another process, as far as the store knows).
 */
export async function openTestStore(start = '2025-03-10T12:00:00.000Z') {
  const dataDir = tempDataDir();
  const databaseUrl = storeOnPostgres() ? await freshPostgresDatabase() : null;
  const clock = manualClock(start);
  const opened: Store[] = [];
  const open = async (options: { now?: () => Date } = { now: clock.now }) => {
    const store =
      databaseUrl === null
        ? await openSqliteStore(dataDir, options)
        : await openPostgresStore(databaseUrl, options);
    opened.push(store);
    return store;
  };
  // Registered after tempDataDir's hook, so it runs first: close, then delete.
  onTestFinished(async () => {
    for (const store of opened) await store.close();
  });
  return { store: await open(), open, dataDir, databaseUrl, clock };
}
