import { rmSync } from 'node:fs';
import { portalDatabasePath } from './portal-database.ts';

/** Deletes the portal under dataDir (with its WAL files); the next start seeds a fresh one. */
export function resetSandbox(dataDir: string): void {
  const path = portalDatabasePath(dataDir);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
