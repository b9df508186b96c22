import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxApp } from './create-sandbox-app.ts';
import { dailyUsage } from './daily-usage.ts';
import { ensurePortalSeeded } from './ensure-portal-seeded.ts';
import { createFaultInjector, type SandboxFaults } from './fault-injector.ts';
import type { PortalContext } from './portal-context.ts';
import { openPortalDatabase, type PortalDatabase } from './portal-database.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { dailyAllowance, SANDBOX_DEFAULTS } from './sandbox-defaults.ts';
import { SANDBOX_SCOPES } from './sandbox-scopes.ts';
import { searchIndexLag, type SearchIndexLagOption } from './search-index-lag.ts';
import type { SeedSummary } from './seed-portal.ts';
import type { SeedInput } from './seed-spec.ts';
import { sequenceErrorForms, type SequenceErrorForms } from './sequence-error-forms.ts';
import { startWebhookDispatcher, type WebhookDispatcher } from './webhook-dispatcher.ts';
import { webhookSettings, type SandboxWebhookOptions } from './webhook-settings.ts';

export { resetSandbox } from './reset-sandbox.ts';
export { seedSandbox } from './seed-sandbox.ts';
export type { SandboxFaults } from './fault-injector.ts';
export type { SandboxWebhookOptions } from './webhook-settings.ts';
export type { SequenceErrorForms } from './sequence-error-forms.ts';

export interface SandboxOptions extends SeedInput {
  /** The portal lives in `<dataDir>/sandbox-portal.sqlite` and survives restarts. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  token?: string;
  /** Requests per rolling 10 s (HubSpot: 100, 190 or 250) and per UTC day. */
  rateLimit?: { per10s: number; daily?: number };
  faults?: SandboxFaults;
  /** Scopes the token holds; default every scope Vitals needs. */
  scopes?: readonly string[];
  /** Associated ids one association batch-read result holds before it pages; default 100. */
  associationPageSize?: number;
  /**
   * How long a write takes to show in search: ms, or a range drawn per write from the portal's
   * seed. Default 2–5 s, as HubSpot's index trails writes; 0 when a test is not about the lag.
   */
  searchIndexLagMs?: SearchIndexLagOption;
  /** The forms of the sequence refusals HubSpot documents none for; default drawn from the seed. */
  sequenceErrorForms?: Partial<SequenceErrorForms>;
  /** Deliver the subscribed events of every change to targetUrl, signed, as HubSpot does. */
  webhooks?: SandboxWebhookOptions;
  /**
   * The portal's UI domain in account-info; default app.hubspot.com. app-eu1.hubspot.com makes it
   * a portal in HubSpot's EU data centre. Taken as given, so a test can also hand out a bad one.
   */
  uiDomain?: string;
}

export interface SandboxHandle {
  url: string;
  token: string;
  portal: SeedSummary;
  setFaults(partial: SandboxFaults): void;
  /** Requests received, keyed by method and route pattern ("POST /crm/v3/objects/tasks"). */
  requestCount(): Record<string, number>;
  resetRequestCount(): void;
  /** Present when started with `webhooks`: waits for the deliveries (see WebhookDispatcher). */
  webhooks?: Pick<WebhookDispatcher, 'flush' | 'idle'>;
  close(): Promise<void>;
}

function checkRateLimit(per10s: number, daily: number | undefined): void {
  if (!Number.isInteger(per10s) || per10s < 1)
    throw new Error(`rateLimit.per10s must be a positive whole number, got ${per10s}`);
  if (daily !== undefined && (!Number.isInteger(daily) || daily < 0)) {
    throw new Error(`rateLimit.daily must be a whole number, got ${daily}`);
  }
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { address, port: bound } = server.address() as AddressInfo;
      resolve(`http://${address.includes(':') ? `[${address}]` : address}:${bound}`);
    });
  });
}

function checkPageSize(size: number): number {
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`associationPageSize must be a positive whole number, got ${size}`);
  }
  return size;
}

function serve(db: PortalDatabase, options: SandboxOptions, portal: SeedSummary) {
  const per10s = options.rateLimit?.per10s ?? SANDBOX_DEFAULTS.per10s;
  let url = '';
  const faults = createFaultInjector(options.faults ?? {}, portal.seed);
  const ctx: PortalContext = {
    db,
    token: options.token ?? SANDBOX_DEFAULTS.token,
    scopes: options.scopes ?? SANDBOX_SCOPES,
    hubId: SANDBOX_DEFAULTS.hubId,
    appId: options.webhooks?.appId ?? SANDBOX_DEFAULTS.appId,
    uiDomain: options.uiDomain ?? SANDBOX_DEFAULTS.uiDomain,
    seed: portal.seed,
    associationPageSize: checkPageSize(
      options.associationPageSize ?? SANDBOX_DEFAULTS.associationPageSize,
    ),
    searchIndexLag: searchIndexLag(options.searchIndexLagMs, portal.seed),
    sequenceErrors: sequenceErrorForms(portal.seed, options.sequenceErrorForms),
    faults: () => faults.get(),
    baseUrl: () => url,
    now: () => new Date(),
  };
  const daily = () => faults.get().dailyLimit ?? options.rateLimit?.daily ?? dailyAllowance(per10s);
  const limiter = createRateLimiter({ per10s, daily, usage: dailyUsage(db), clock: Date.now });
  const counts = new Map<string, number>();
  const server = createServer(createSandboxApp({ ctx, limiter, faults, counts }));
  const setUrl = (value: string) => (url = value);
  return { ctx, faults, counts, server, setUrl };
}

/** Starts the sandbox portal on loopback, seeding it first if the data directory has none. */
export async function startSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  checkRateLimit(options.rateLimit?.per10s ?? SANDBOX_DEFAULTS.per10s, options.rateLimit?.daily);
  const webhooks = options.webhooks && webhookSettings(options.webhooks);
  const db = openPortalDatabase(options.dataDir);
  try {
    const portal = ensurePortalSeeded(db, options);
    const { ctx, faults, counts, server, setUrl } = serve(db, options, portal);
    const url = setUrl(
      await listen(server, options.port ?? 0, options.host ?? SANDBOX_DEFAULTS.host),
    );
    const dispatcher =
      webhooks &&
      startWebhookDispatcher({
        db,
        settings: webhooks,
        portalId: ctx.hubId,
        appId: ctx.appId,
        url,
      });
    let closing: Promise<void> | undefined;
    return {
      url,
      token: ctx.token,
      portal,
      setFaults: (partial) => faults.set(partial),
      requestCount: () => Object.fromEntries(counts),
      resetRequestCount: () => counts.clear(),
      ...(dispatcher ? { webhooks: { flush: dispatcher.flush, idle: dispatcher.idle } } : {}),
      close: () =>
        (closing ??= new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        })
          .then(() => dispatcher?.stop())
          .finally(() => db.close())),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
