import type { Config } from '../config/config.ts';
import { loadConfig } from '../config/load-config.ts';
import { compileModel, type CompiledModel } from '../scoring/compile-model.ts';
import { openSqliteStore } from '../store/open-sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { connectPortal, type PortalConnection } from './connect-portal.ts';

export interface App {
  config: Config;
  model: CompiledModel;
  store: Store;
  connection: PortalConnection;
  close(): Promise<void>;
}

/** Config first (so a bad file stops everything before HubSpot is touched), then store, then portal. */
export async function openApp(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<App> {
  const config = loadConfig({ env });
  const store = await openSqliteStore(config.dataDir);
  let connection: PortalConnection;
  try {
    connection = await connectPortal(config);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    config,
    model: compileModel(config.model),
    store,
    connection,
    close: async () => {
      await connection.close();
      await store.close();
    },
  };
}
