import type { LeaseClaim } from '../store.ts';
import { leaseLostError } from '../store-error.ts';
import type { Queryable } from './pg-client.ts';

/**
 * Throws StoreError 'lease-lost' unless `claim.holder` holds the lease. Call first inside the
 * write's transaction: FOR SHARE keeps the row as it is until the commit, so another process's
 * acquire (which must update the row) waits for this write instead of slipping in before it.
 */
export async function assertLeaseHeld(tx: Queryable, claim: LeaseClaim): Promise<void> {
  const { rowCount } = await tx.query(
    'SELECT 1 FROM leases WHERE name = $1 AND holder = $2 FOR SHARE',
    [claim.name, claim.holder],
  );
  if (rowCount !== 1) throw leaseLostError(claim.name);
}
