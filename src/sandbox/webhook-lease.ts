import { cachedStatement } from './cached-statement.ts';
import type { PortalDatabase } from './portal-database.ts';

/** Which sandbox process delivers this portal's webhooks, kept in the portal's meta table. */
export interface WebhookLease {
  holder: string;
  pid: number;
  /** The sandbox API's URL, for messages. */
  url: string;
  targetUrl: string;
  renewedAt: number;
}

const KEY = 'webhook_dispatcher';
const RENEW_MS = 1000;
/** A holder that has not renewed for this long is gone (crashed, or its event loop stuck). */
export const LEASE_STALE_MS = 5000;

function read(db: PortalDatabase): WebhookLease | undefined {
  const row = cachedStatement(db, 'SELECT value FROM meta WHERE key = ?').get(KEY) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as WebhookLease) : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder delivering now, if any: renewed lately, by a process that still runs. */
export function liveWebhookLease(db: PortalDatabase, now: number): WebhookLease | undefined {
  const lease = read(db);
  return lease && now - lease.renewedAt < LEASE_STALE_MS && alive(lease.pid) ? lease : undefined;
}

/**
 * One dispatcher per portal file: every sandbox process on the same data directory (a `vitals
 * start` and a short `vitals doctor`, say) sees the same changes, and only the holder of this
 * lease turns them into deliveries, so no change is delivered twice under two eventIds.
 */
export function webhookLease(db: PortalDatabase, me: Omit<WebhookLease, 'renewedAt'>) {
  const write = (now: number) =>
    cachedStatement(db, 'INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
      KEY,
      JSON.stringify({ ...me, renewedAt: now }),
    );
  const claim = db.transaction((now: number): 'held' | 'taken' | 'other' => {
    const current = read(db);
    const mine = current?.holder === me.holder;
    if (current && !mine && liveWebhookLease(db, now)) return 'other';
    write(now);
    return mine ? 'held' : 'taken';
  });
  return {
    /** 'taken' when this dispatcher has just become the holder: it starts from the newest change. */
    claim(now: number): 'held' | 'taken' | 'other' {
      const current = read(db);
      if (current?.holder === me.holder && now - current.renewedAt < RENEW_MS) return 'held';
      return claim.immediate(now);
    },
    release(): void {
      db.transaction(() => {
        if (read(db)?.holder === me.holder) {
          cachedStatement(db, 'DELETE FROM meta WHERE key = ?').run(KEY);
        }
      }).immediate();
    },
  };
}
