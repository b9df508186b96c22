import { openSqliteStore } from '../store/open-sqlite-store.ts';
import { StoreError, USER_FIXABLE_STORE_CODES } from '../store/store-error.ts';

/** One line of `vitals doctor`. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** Whether the store in `dataDir` opens and answers; a store the user must fix says how. */
export async function databaseCheck(dataDir: string): Promise<Check> {
  let store;
  try {
    store = await openSqliteStore(dataDir);
  } catch (error) {
    if (error instanceof StoreError && USER_FIXABLE_STORE_CODES.has(error.code))
      return { name: 'database', ok: false, detail: error.message };
    throw error;
  }
  try {
    const health = await store.health();
    return health.ok
      ? { name: 'database', ok: true, detail: health.location }
      : { name: 'database', ok: false, detail: `${health.error} (check VITALS_DATA_DIR)` };
  } finally {
    await store.close();
  }
}
