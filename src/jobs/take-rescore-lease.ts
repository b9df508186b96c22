import type { Store } from '../store/store.ts';
import { reclaimDeadLease } from './lease-holder.ts';
import { RESCORE_LEASE } from './rescore-lease.ts';

export class RunInProgressError extends Error {
  constructor() {
    super(
      `Another Vitals run holds the run lock on this store. Wait for it to finish (or for its lock to expire in ${RESCORE_LEASE.ttlMs / 60_000} minutes) and try again.`,
    );
    this.name = 'RunInProgressError';
  }
}

/**
 * Takes the rescore lease for `holder` (freeing it first if its holder died on this machine), or
 * throws RunInProgressError. Whoever holds it is the only one setting up, adopting or running.
 */
export async function takeRescoreLease(store: Store, holder: string): Promise<void> {
  const { name, ttlMs } = RESCORE_LEASE;
  if (await store.acquireLease(name, holder, ttlMs)) return;
  if ((await reclaimDeadLease(store, name)) && (await store.acquireLease(name, holder, ttlMs)))
    return;
  throw new RunInProgressError();
}
