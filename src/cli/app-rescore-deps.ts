import type { App } from '../app/open-app.ts';
import { leaseHolderId } from '../jobs/lease-holder.ts';
import type { RescoreDeps } from '../jobs/run-rescore.ts';
import { runPlaysSettings } from './run-plays-settings.ts';

/** What a full run of this app works with: its portal, store, model and plays (when on). */
export function appRescoreDeps(app: App): RescoreDeps {
  return {
    gateway: app.connection.gateway,
    store: app.store,
    mapping: app.config,
    model: app.model,
    portal: app.connection.portal,
    source: app.connection.source,
    holder: leaseHolderId(),
    plays: app.config.playsMapping.enabled ? runPlaysSettings(app) : undefined,
  };
}
