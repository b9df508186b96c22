import type { Config } from '../config/config.ts';
import { openStore } from '../store/open-store.ts';
import { StoreError, USER_FIXABLE_STORE_CODES } from '../store/store-error.ts';

/** One line of `vitals doctor`. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const BACKEND_NAMES = { sqlite: 'SQLite', postgresql: 'PostgreSQL' } as const;

/** Whether the store opens and answers, and which it is; a store the user must fix says how. */
export async function databaseCheck(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
): Promise<Check> {
  let store;
  try {
    store = await openStore(config);
  } catch (error) {
    if (error instanceof StoreError && USER_FIXABLE_STORE_CODES.has(error.code))
      return { name: 'database', ok: false, detail: error.message };
    throw error;
  }
  try {
    const health = await store.health();
    const setting = config.databaseUrl === null ? 'VITALS_DATA_DIR' : 'DATABASE_URL';
    return health.ok
      ? {
          name: 'database',
          ok: true,
          detail: `${BACKEND_NAMES[health.backend]} ${health.version} at ${health.location}, schema version ${health.schemaVersion}`,
        }
      : { name: 'database', ok: false, detail: `${health.error} (check ${setting})` };
  } finally {
    await store.close();
  }
}
