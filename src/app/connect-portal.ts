import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import { createGateway, type Gateway } from '../hubspot/create-gateway.ts';
import { startSandbox } from '../sandbox/start-sandbox.ts';
import type { SandboxWebhookOptions } from '../sandbox/webhook-settings.ts';
import { HubSpotUnreachableError, isUnreachable } from './hubspot-unreachable.ts';

export interface PortalConnection {
  gateway: Gateway;
  source: 'sandbox' | 'hubspot';
  /** The store's key for this portal. */
  portal: string;
  /** Said once at start so nobody mistakes the sandbox for their portal, or the reverse. */
  description: string;
  /** The demo portal's sending user, in the sandbox; undefined for a real portal. */
  sandboxSender?: { userId: string; email: string };
  close(): Promise<void>;
}

/** The real portal when a token is set; otherwise the sandbox portal, started on loopback. */
export async function connectPortal(
  config: Config,
  /** Where HubSpot's API is; tests point it at a sandbox standing in for a real portal. */
  options: { hubspotBasePath?: string; sandboxWebhooks?: SandboxWebhookOptions } = {},
): Promise<PortalConnection> {
  const rate = {
    per10s: config.rateLimit.per10s,
    dailyLimit: config.rateLimit.dailyLimit ?? undefined,
  };
  const token = config.hubspot.accessToken;
  if (config.hubspot.mode === 'hubspot' && token) {
    const basePath = options.hubspotBasePath ?? config.hubspot.baseUrl;
    const gateway = createGateway({ accessToken: token.reveal(), basePath, ...rate });
    // The store keys history, runs and the ledger by portal, so a token for another portal
    // never continues this one's run or sees its tasks as done.
    const { hubId } = await gateway.tokenInfo().catch((error: unknown) => {
      throw isUnreachable(error) ? new HubSpotUnreachableError(basePath, error) : error;
    });
    return {
      gateway,
      source: 'hubspot',
      portal: hubId,
      description: `Talking to your HubSpot portal ${hubId} (HUBSPOT_ACCESS_TOKEN is set).`,
      close: async () => {},
    };
  }
  const sandbox = await startSandbox({
    dataDir: join(config.dataDir, 'sandbox'),
    port: 0,
    rateLimit: { per10s: config.rateLimit.per10s },
    ...(options.sandboxWebhooks ? { webhooks: options.sandboxWebhooks } : {}),
  });
  return {
    gateway: createGateway({ accessToken: sandbox.token, basePath: sandbox.url, ...rate }),
    source: 'sandbox',
    portal: 'sandbox',
    sandboxSender: sandbox.portal.sender,
    description: `Talking to the SANDBOX demo portal at ${sandbox.url} (no HUBSPOT_ACCESS_TOKEN set): nothing here touches a real HubSpot portal.`,
    close: () => sandbox.close(),
  };
}
