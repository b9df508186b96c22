import { openStore } from '../store/open-store.ts';
import { explainAppError, loadConfigOrExplain } from './app-errors.ts';
import { EXIT } from './cli-error.ts';
import type { Io } from './process-io.ts';

export const MIGRATE_HELP = `
Every command brings the store up to date when it opens it, so this is never required; it lets a
deploy migrate once, before the new version's processes start. Safe to run from several places at
once: one migrates, the others wait and find it done. Uses DATABASE_URL when set, otherwise the
SQLite file in VITALS_DATA_DIR.

Exit status: 0 when the store is up to date, 2 when it cannot be opened (the message says why).`;

/** `vitals migrate`: brings the store's schema up to date and says which store it is. */
export async function migrateCommand(io: Io): Promise<number> {
  const config = loadConfigOrExplain();
  const store = await openStore(config).catch((error: unknown) => {
    throw explainAppError(error);
  });
  try {
    const health = await store.health();
    if (!health.ok) {
      io.err(`The store at ${health.location} cannot be read: ${health.error}\n`);
      return EXIT.rejected;
    }
    const name = health.backend === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    io.out(
      `${name} ${health.version} at ${health.location}: schema version ${health.schemaVersion}, up to date.\n`,
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
