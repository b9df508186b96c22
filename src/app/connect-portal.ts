import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import { createGateway, type Gateway } from '../hubspot/create-gateway.ts';
import { startSandbox } from '../sandbox/start-sandbox.ts';
import type { SandboxWebhookOptions } from '../sandbox/webhook-settings.ts';
import type { SharedRateBudget } from '../store/store.ts';
import { HubSpotUnreachableError, isUnreachable } from './hubspot-unreachable.ts';
import { DEFAULT_UI_DOMAIN, portalUiDomain, type PortalUiDomain } from './portal-ui-domain.ts';

export interface PortalConnection extends PortalUiDomain {
  gateway: Gateway;
  source: 'sandbox' | 'hubspot';
  /** The store's key for this portal. */
  portal: string;
  /** Said once at start so nobody mistakes the sandbox for their portal, or the reverse. */
  description: string;
  /** The demo portal's sending user, in the sandbox; undefined for a real portal. */
  sandboxSender?: { userId: string; email: string };
  /** Months of usage history the demo portal was seeded with (0: none); undefined for a real portal. */
  sandboxHistoryMonths?: number;
  close(): Promise<void>;
}

/** The real portal when a token is set; otherwise the sandbox portal, started on loopback. */
export async function connectPortal(
  config: Config,
  /** Where HubSpot's API is; tests point it at a sandbox standing in for a real portal. */
  options: {
    hubspotBasePath?: string;
    sandboxWebhooks?: SandboxWebhookOptions;
    /** The store's budget shared by every process of the app (PostgreSQL). */
    sharedBudget?: SharedRateBudget;
  } = {},
): Promise<PortalConnection> {
  const rate = {
    per10s: config.rateLimit.per10s,
    dailyLimit: config.rateLimit.dailyLimit ?? undefined,
    sharedBudget: options.sharedBudget,
  };
  const token = config.hubspot.accessToken;
  if (config.hubspot.mode === 'hubspot' && token) {
    const basePath = options.hubspotBasePath ?? config.hubspot.baseUrl;
    const gateway = createGateway({ accessToken: token.reveal(), basePath, ...rate });
    // The store keys history, runs and the ledger by portal, so a token for another portal
    // never continues this one's run or sees its tasks as done.
    const [{ hubId }, ui] = await Promise.all([
      gateway.tokenInfo().catch((error: unknown) => {
        throw isUnreachable(error) ? new HubSpotUnreachableError(basePath, error) : error;
      }),
      portalUiDomain(gateway),
    ]);
    return {
      gateway,
      source: 'hubspot',
      portal: hubId,
      ...ui,
      description: `Talking to your HubSpot portal ${hubId} (HUBSPOT_ACCESS_TOKEN is set).${fallbackNote(ui)}`,
      close: async () => {},
    };
  }
  const sandbox = await startSandbox({
    dataDir: join(config.dataDir, 'sandbox'),
    port: 0,
    rateLimit: { per10s: config.rateLimit.per10s },
    ...(options.sandboxWebhooks ? { webhooks: options.sandboxWebhooks } : {}),
  });
  const gateway = createGateway({ accessToken: sandbox.token, basePath: sandbox.url, ...rate });
  const ui = await portalUiDomain(gateway);
  return {
    gateway,
    source: 'sandbox',
    portal: 'sandbox',
    ...ui,
    sandboxSender: sandbox.portal.sender,
    sandboxHistoryMonths: sandbox.portal.historyMonths ?? 0,
    description: `Talking to the SANDBOX demo portal at ${sandbox.url} (no HUBSPOT_ACCESS_TOKEN set): nothing here touches a real HubSpot portal.${fallbackNote(ui)}`,
    close: () => sandbox.close(),
  };
}

/** Said at start, so whoever sees links open the wrong HubSpot address knows why. */
function fallbackNote({ uiDomainFallback }: PortalUiDomain): string {
  if (uiDomainFallback === null) return '';
  return ` Company links open ${DEFAULT_UI_DOMAIN}: the portal's own HubSpot address could not be read (${uiDomainFallback}).`;
}
