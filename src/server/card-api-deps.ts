import type { Logger } from 'pino';
import type { Config, MappingConfig } from '../config/config.ts';
import type { Secret } from '../config/secret.ts';
import type { RescoreCompanyDeps } from '../jobs/rescore-company.ts';
import type { RescorePlays } from '../jobs/run-rescore.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import type { Store } from '../store/store.ts';

/** The home page's view as the last run saved it: opaque until the route checks its shape. */
export interface StoredPortfolioView {
  view: unknown;
  /** When the run computed it. */
  computedAt: string;
}

/** What the card API works with: the app's store, portal and gateway, and its settings. */
export interface CardApiDeps {
  store: Store;
  /** The store's key for the portal: its hub id, or "sandbox". */
  portal: string;
  gateway: RescoreCompanyDeps['gateway'];
  config: MappingConfig & Pick<Config, 'dryRun'>;
  model: CompiledModel;
  /** The plays a run works with; null when plays are switched off. */
  plays: RescorePlays | null;
  /** HUBSPOT_CLIENT_SECRET: every card request is signed with it. */
  clientSecret: Secret;
  /** VITALS_PUBLIC_URL: the origin HubSpot calls, part of what it signs. */
  publicUrl: string;
  /** Where the portal's users open HubSpot (app-eu1.hubspot.com, …); absent, app.hubspot.com. */
  uiDomain?: string;
  log: Logger;
  now?: () => Date;
  /** The view GET /api/portfolio answers with; absent, the store's (once it keeps one). */
  portfolioView?: () => Promise<StoredPortfolioView | null>;
  /** Called once a webhook delivery is stored, with how many events were new: wakes the worker. */
  onWebhookEvents?: (stored: number) => void;
}
