import type { Queryable } from './pg-client.ts';

// The first half of a two-key advisory lock: "a portal's ledger". The second half is the portal's
// hash, so portals never wait on each other (bar a hash collision, which only serialises more).
const LEDGER_LOCK = 727_100_101;

/**
 * Makes this transaction the portal's only ledger writer until it ends, as SQLite's single writer
 * does. Recording intents and adopting tasks read the ledger before they write it, and take many
 * rows at once: in one queue per portal, two replicas recording the same keys in different orders
 * cannot deadlock, and each sees the other's rows whole. Must run inside a transaction (`tx`):
 * outside one the lock is gone as soon as the statement ends.
 */
export async function lockPortalLedger(tx: Queryable, portal: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LEDGER_LOCK, portal]);
}
