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
  if (!current) return false;
  const [host, pid] = current.holder.split(':');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return false;
  if (isAlive(Number(pid))) return false;
  return store.releaseLease(name, current.holder);
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
