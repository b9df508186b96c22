// A worker thread that races for a lease: it opens its own store on the shared file (or, on
// PostgreSQL, database), waits for the start signal so every racer asks at the same moment, and
// reports whether it won.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteStore } from '../../../src/store/open-sqlite-store.ts';
import { openPostgresStore } from '../../../src/store/postgres/open-postgres-store.ts';

const { dataDir, databaseUrl, holder, start } = workerData as {
  dataDir: string;
  databaseUrl: string | null;
  holder: string;
  start: SharedArrayBuffer;
};

const store =
  databaseUrl === null ? await openSqliteStore(dataDir) : await openPostgresStore(databaseUrl);
const signal = new Int32Array(start);
Atomics.add(signal, 1, 1);
Atomics.wait(signal, 0, 0);
const won = await store.acquireLease('full-run', holder, 60_000);
await store.close();
parentPort?.postMessage(won);
