import { StoreError } from '../store-error.ts';
import type { Queryable } from './pg-client.ts';

/**
 * Leases on PostgreSQL: a row per lease, its expiry in epoch ms from the asking store's clock
 * (not the database's, so every store judges expiry the same way SQLite's do). Each operation is
 * one statement, so two replicas can never both see a lease as theirs: INSERT … ON CONFLICT
 * either inserts or locks the existing row and re-checks its WHERE on the newest version, and
 * renew and release name the holder they expect.
 */
export function pgLease(q: Queryable, now: () => Date) {
  const timing = (ttlMs: number) => {
    if (!(ttlMs > 0 && Number.isFinite(ttlMs))) {
      throw new StoreError('invalid-input', `A lease needs a positive ttlMs, got ${ttlMs}.`);
    }
    const at = now().getTime();
    return { now: at, expiresAt: at + Math.ceil(ttlMs) };
  };

  return {
    /** Takes the row when it is missing, expired, or already ours; otherwise changes nothing. */
    async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
      const { now: at, expiresAt } = timing(ttlMs);
      const { rowCount } = await q.query(
        `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE leases.expires_at <= $4 OR leases.holder = excluded.holder`,
        [name, holder, expiresAt, at],
      );
      return rowCount === 1;
    },
    // Renewing a lapsed lease nobody took is safe: the row still names us, so no one else holds it.
    async renew(name: string, holder: string, ttlMs: number): Promise<boolean> {
      const { expiresAt } = timing(ttlMs);
      const { rowCount } = await q.query(
        'UPDATE leases SET expires_at = $3 WHERE name = $1 AND holder = $2',
        [name, holder, expiresAt],
      );
      return rowCount === 1;
    },
    async release(name: string, holder: string): Promise<boolean> {
      const { rowCount } = await q.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [
        name,
        holder,
      ]);
      return rowCount === 1;
    },
    async holder(name: string): Promise<{ holder: string; expiresAt: string } | null> {
      const { rows } = await q.query<{ holder: string; expires_at: number }>(
        'SELECT holder, expires_at FROM leases WHERE name = $1',
        [name],
      );
      const row = rows[0];
      return row ? { holder: row.holder, expiresAt: new Date(row.expires_at).toISOString() } : null;
    },
  };
}
