import type Database from 'better-sqlite3';
import type { LeaseClaim } from './store.ts';
import { leaseLostError, StoreError } from './store-error.ts';

/**
 * Leases on SQLite. Each operation is one statement, and SQLite lets one writer at a time change
 * the file, so two processes can never both see a lease as theirs.
 */
export function sqliteLease(db: Database.Database, now: () => Date) {
  // Takes the row when it is missing, expired, or already ours; otherwise changes nothing.
  const acquire = db.prepare(`
    INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expiresAt)
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE leases.expires_at <= @now OR leases.holder = excluded.holder`);
  // Renewing a lapsed lease nobody took is safe: the row still names us, so no one else holds it.
  const renew = db.prepare(
    'UPDATE leases SET expires_at = @expiresAt WHERE name = @name AND holder = @holder',
  );
  const release = db.prepare('DELETE FROM leases WHERE name = @name AND holder = @holder');
  const read = db.prepare('SELECT holder, expires_at AS expiresAt FROM leases WHERE name = ?');
  const held = db.prepare('SELECT 1 FROM leases WHERE name = @name AND holder = @holder');

  const timing = (ttlMs: number) => {
    if (!(ttlMs > 0 && Number.isFinite(ttlMs))) {
      throw new StoreError('invalid-input', `A lease needs a positive ttlMs, got ${ttlMs}.`);
    }
    const at = now().getTime();
    return { now: at, expiresAt: at + Math.ceil(ttlMs) };
  };

  return {
    acquire(name: string, holder: string, ttlMs: number): boolean {
      return acquire.run({ name, holder, ...timing(ttlMs) }).changes === 1;
    },
    renew(name: string, holder: string, ttlMs: number): boolean {
      const { expiresAt } = timing(ttlMs);
      return renew.run({ name, holder, expiresAt }).changes === 1;
    },
    release(name: string, holder: string): boolean {
      return release.run({ name, holder }).changes === 1;
    },
    /** Throws StoreError 'lease-lost' unless `claim.holder` holds it: call inside the write's
     * transaction, so no one can take it between the check and the write. */
    assertHeld(claim: LeaseClaim): void {
      if (held.get(claim) === undefined) throw leaseLostError(claim.name);
    },
    holder(name: string): { holder: string; expiresAt: string } | null {
      const row = read.get(name) as { holder: string; expiresAt: number } | undefined;
      return row ? { holder: row.holder, expiresAt: new Date(row.expiresAt).toISOString() } : null;
    },
  };
}
