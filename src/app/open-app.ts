import type { Config } from '../config/config.ts';
import { loadConfig } from '../config/load-config.ts';
import { compileModel, type CompiledModel } from '../scoring/compile-model.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { connectPortal, type PortalConnection } from './connect-portal.ts';
import { sandboxPlaySettings } from './sandbox-play-settings.ts';
import { sandboxServing } from './sandbox-serving.ts';

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
  options: { serve?: boolean } = {},
): Promise<App> {
  let config = loadConfig({ env });
  // `vitals start` on the sandbox: its own secret and address, and the sandbox sends webhooks.
  const serving = options.serve ? sandboxServing(config) : null;
  if (serving) config = serving.config;
  const store = await openStore(config);
  let connection: PortalConnection | undefined;
  try {
    const sharedBudget = store.rateBudget();
    connection = await connectPortal(config, {
      ...(serving ? { sandboxWebhooks: serving.webhooks } : {}),
      ...(sharedBudget ? { sharedBudget } : {}),
    });
    if (connection.source === 'sandbox') {
      const { sandboxSender, gateway } = connection;
      config = {
        ...config,
        plays: await sandboxPlaySettings(config.plays, sandboxSender, gateway),
      };
    }
  } catch (error) {
    await connection?.close();
    await store.close();
    throw error;
  }
  const opened = connection;
  return {
    config,
    model: compileModel(config.model),
    store,
    connection: opened,
    close: async () => {
      await opened.close();
      await store.close();
    },
  };
}
