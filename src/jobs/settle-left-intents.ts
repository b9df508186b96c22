import { emptyPlaysTally } from './apply-plays.ts';
import type { DrainDeps } from './drain-inbox.ts';
import { leaseHolderId, reclaimDeadLease } from './lease-holder.ts';
import { reconcileUnfinished } from './reconcile-unfinished.ts';
import { RESCORE_LEASE } from './rescore-lease.ts';

/**
 * Tasks and enrolments a killed process recorded but may not have made, and those HubSpot gave
 * no clear answer to: found in HubSpot by marker or made now, as a full run does at its start.
 * Only while no run holds the rescore lease (one under way settles them itself, and may be making
 * some of them right now). Answers how many it settled.
 */
export async function settleLeftIntents(deps: DrainDeps): Promise<number> {
  if (!deps.plays) return 0;
  const holder = leaseHolderId();
  const { name, ttlMs } = RESCORE_LEASE;
  const free =
    (await deps.store.acquireLease(name, holder, ttlMs)) ||
    ((await reclaimDeadLease(deps.store, name)) &&
      (await deps.store.acquireLease(name, holder, ttlMs)));
  if (!free) return 0;
  try {
    return await reconcileUnfinished({
      gateway: deps.gateway,
      store: deps.store,
      portal: deps.portal,
      settings: deps.plays.settings,
      now: deps.now(),
      tally: emptyPlaysTally(),
      ownerDay: new Map(),
      settleAfterMs: deps.plays.mapping.settleAfterSeconds * 1000,
      clock: deps.now,
    });
  } finally {
    await deps.store.releaseLease(name, holder);
  }
}
