import type { Store } from '../store/store.ts';
import { adoptOpenTasks, type AdoptionGateway, type AdoptionReport } from './adopt-open-tasks.ts';
import { RESCORE_LEASE } from './rescore-lease.ts';
import type { RescorePlays } from './run-rescore.ts';
import { takeRescoreLease } from './take-rescore-lease.ts';

export interface RebuildDeps {
  gateway: AdoptionGateway;
  store: Store;
  portal: string;
  /** Who holds the run lease meanwhile: unique per process. */
  holder: string;
  plays: RescorePlays;
  now?: () => Date;
}

/**
 * `vitals store rebuild`: holding the run's lock, takes the portal's open Vitals tasks that the
 * store does not know into it, each as its track's task. The run after it looks at each contact's
 * current enrolment before enrolling (startPlays).
 */
export async function rebuildStore(deps: RebuildDeps): Promise<AdoptionReport> {
  await takeRescoreLease(deps.store, deps.holder);
  try {
    return await adoptOpenTasks({
      gateway: deps.gateway,
      store: deps.store,
      portal: deps.portal,
      timeZone: deps.plays.settings.timeZone,
      renewalDateProperty: deps.plays.mapping.renewalDateProperty,
      now: deps.now?.() ?? new Date(),
    });
  } finally {
    await deps.store.releaseLease(RESCORE_LEASE.name, deps.holder);
  }
}
