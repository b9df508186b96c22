import type { SandboxFaults } from './fault-injector.ts';
import type { PortalDatabase } from './portal-database.ts';
import type { SearchIndexLag } from './search-index-lag.ts';
import type { SequenceErrorForms } from './sequence-error-forms.ts';

/** What every handler needs to know about the running portal. */
export interface PortalContext {
  db: PortalDatabase;
  token: string;
  scopes: readonly string[];
  hubId: number;
  appId: number;
  /** Where the portal's users open HubSpot, as account-info answers it: app.hubspot.com, app-eu1…. */
  uiDomain: string;
  /** The portal's seed: the sandbox's own draws (result order, lags, error forms) start from it. */
  seed: number;
  /** Associated ids one batch-read result holds before it pages. */
  associationPageSize: number;
  /** How long a write takes to show in search. */
  searchIndexLag: SearchIndexLag;
  /** How this portal words the sequence refusals HubSpot documents no form for. */
  sequenceErrors: SequenceErrorForms;
  /** The fault knobs as they are now: they may change while the sandbox runs. */
  faults(): Readonly<SandboxFaults>;
  /** http://127.0.0.1:PORT, known once the server listens; used in paging links. */
  baseUrl(): string;
  now(): Date;
}
