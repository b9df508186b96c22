import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../store/store.ts';

/** A lease holder id that says where it runs: host, process id, and a unique part. */
export function leaseHolderId(): string {
  return `${hostname()}:${process.pid}:${randomUUID()}`;
}

/**
 * Frees a lease whose holder was a process on this machine that no longer exists (killed,
 * crashed), so the next run carries on at once instead of waiting for the lease to lapse.
 * A holder on another machine, or one still alive, is left alone.
 */
export async function reclaimDeadLease(store: Store, name: string): Promise<boolean> {
  const current = await store.leaseHolder(name);
  if (!current || !diedOnThisMachine(current.holder)) return false;
  return store.releaseLease(name, current.holder);
}

/**
 * Ends the inbox claims of drainers that were processes on this machine and no longer exist, so
 * a restarted `vitals serve` takes up the events it held at once instead of when the claims
 * lapse. Answers how many events were freed.
 */
export async function releaseDeadClaims(store: Store, portal: string, now: Date): Promise<number> {
  let freed = 0;
  for (const holder of await store.inboxClaimHolders(portal, now.toISOString()))
    if (diedOnThisMachine(holder)) freed += await store.releaseInboxClaims(portal, holder);
  return freed;
}

/** Whether `holder` (leaseHolderId's form) was a process on this machine that is gone. */
export function diedOnThisMachine(holder: string): boolean {
  const [host, pid] = holder.split(':');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return false;
  return !isAlive(Number(pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
