import type { RunSource, Store } from '../store/store.ts';
import { diedOnThisMachine } from './lease-holder.ts';
import { RESCORE_LEASE } from './rescore-lease.ts';

export interface OrphanQuery {
  portal: string;
  source: RunSource;
  dryRun: boolean;
  now: Date;
}

/**
 * Whether a full run was left mid-way by a process that is gone: its record still says running,
 * and nobody holds the run lease any more (released, or lapsed because its holder stopped
 * renewing it). Another process should then carry it on now rather than at its next scheduled
 * time, which may be hours away.
 */
export async function orphanedRun(store: Store, query: OrphanQuery): Promise<boolean> {
  const run = await store.findResumableRun({
    portal: query.portal,
    kind: 'full',
    source: query.source,
    dryRun: query.dryRun,
  });
  if (run?.status !== 'running') return false;
  const lease = await store.leaseHolder(RESCORE_LEASE.name);
  // A holder that was a process on this machine and is gone holds nothing: the run's own
  // takeRescoreLease frees its lease at once.
  return (
    lease === null ||
    Date.parse(lease.expiresAt) <= query.now.getTime() ||
    diedOnThisMachine(lease.holder)
  );
}
