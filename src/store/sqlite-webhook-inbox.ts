import type Database from 'better-sqlite3';
import { inboxEventParams } from './inbox-event-params.ts';
import { isoInstant } from './iso-instant.ts';
import {
  checkedEventIds,
  inboxEvent,
  LIST_LIMIT,
  positive,
  type InboxRow,
  type Settled,
} from './inbox-rows.ts';
import { nonEmptyText } from './non-empty-text.ts';
import {
  INBOX_STATES,
  type InboxClaim,
  type InboxEvent,
  type InboxEventInput,
  type InboxState,
} from './store.ts';
import { StoreError } from './store-error.ts';

/**
 * The webhook inbox on SQLite: synchronous, its writes transactions for the caller to run
 * `.immediate`. Ids go in as one JSON array (json_each), so a batch is one statement whatever
 * its size, with no limit on bound parameters. `error` stays the last failure's message after a
 * retry or a success: together with `attempts` it is the event's history.
 */
export function sqliteWebhookInbox(db: Database.Database, now: () => Date) {
  const sql = prepareStatements(db);
  const stamp = () => now().toISOString();

  return {
    receive: db.transaction((portal: string, events: readonly InboxEventInput[]) => {
      nonEmptyText(portal, 'portal');
      const rows = events.map((event, i) => inboxEventParams(event, `events[${i}]`));
      const receivedAt = stamp();
      // A redelivered event, or the same event twice in one batch: the first one stays.
      const stored = rows.reduce(
        (count, row) => count + sql.insert.run({ ...row, portal, receivedAt }).changes,
        0,
      );
      return { stored, duplicates: rows.length - stored };
    }),
    settle: db.transaction((portal: string, eventIds: readonly string[], state: Settled) => {
      if (state !== 'processed' && state !== 'ignored') {
        throw new StoreError(
          'invalid-input',
          `state must be "processed" or "ignored", got "${state}".`,
        );
      }
      sql.settle.run({ portal, ids: eventIdsJson(eventIds), state, now: stamp() });
    }),
    fail: db.transaction(
      (portal: string, eventIds: readonly string[], error: string, next: string | null) => {
        const nextAttemptAt = next === null ? null : isoInstant(next, 'nextAttemptAt');
        const message = nonEmptyText(error, 'error');
        sql.fail.run({
          portal,
          ids: eventIdsJson(eventIds),
          error: message,
          nextAttemptAt,
          now: stamp(),
        });
      },
    ),
    retry: db.transaction((portal: string, which: readonly string[] | 'dead'): number => {
      const params = { portal, now: stamp() };
      if (which === 'dead') return sql.retryDead.run(params).changes;
      return sql.retry.run({ ...params, ids: eventIdsJson(which) }).changes;
    }),
    pending(portal: string, at: string, limit: number): InboxEvent[] {
      const params = { portal, now: isoInstant(at, 'now'), limit: positive(limit) };
      return sql.pending.all(params).map(inboxEvent);
    },
    claim: db.transaction(
      (portal: string, at: string, limit: number, claim: InboxClaim): InboxEvent[] => {
        const params = {
          portal,
          now: isoInstant(at, 'now'),
          limit: positive(limit),
          holder: nonEmptyText(claim.holder, 'claim.holder'),
          until: isoInstant(claim.until, 'claim.until'),
        };
        // RETURNING gives no order: the rowid it carries puts the batch back in receipt order.
        return sql.claim
          .all(params)
          .sort((a, b) => a.received_at.localeCompare(b.received_at) || a.seq - b.seq)
          .map(inboxEvent);
      },
    ),
    claimHolders(portal: string, at: string): string[] {
      return sql.claimHolders.all({ portal, now: isoInstant(at, 'now') });
    },
    releaseClaims: db.transaction(
      (portal: string, holder: string): number =>
        sql.releaseClaims.run({ portal, holder: nonEmptyText(holder, 'holder') }).changes,
    ),
    counts(portal: string): Record<InboxState, number> {
      const counts = Object.fromEntries(INBOX_STATES.map((state) => [state, 0]));
      for (const row of sql.counts.all({ portal })) counts[row.state] = row.count;
      return counts as Record<InboxState, number>;
    },
    list(portal: string, filter: { state?: InboxState; limit?: number } = {}): InboxEvent[] {
      const { state } = filter;
      const limit = positive(filter.limit ?? LIST_LIMIT);
      if (state === undefined) return sql.recent.all({ portal, limit }).map(inboxEvent);
      if (!INBOX_STATES.includes(state)) {
        const known = INBOX_STATES.join(', ');
        throw new StoreError('invalid-input', `state must be one of ${known}, got "${state}".`);
      }
      return sql.inState.all({ portal, state, limit }).map(inboxEvent);
    },
  };
}

// Each write names the states it moves from, so a late or repeated call cannot undo a settlement.
function prepareStatements(db: Database.Database) {
  // The unary + keeps the planner off the state index, so a batch finds its rows by primary key
  // instead of walking every received event (https://sqlite.org/optoverview.html, "unary +").
  const ids = 'event_id IN (SELECT value FROM json_each(@ids))';
  return {
    insert: db.prepare(`INSERT INTO webhook_inbox (portal, event_id, subscription_type, object_id,
      occurred_at, state, payload, received_at, updated_at)
      VALUES (@portal, @eventId, @subscriptionType, @objectId, @occurredAt, @state, @payload,
      @receivedAt, @receivedAt)
      ON CONFLICT (portal, event_id) DO NOTHING`),
    settle: db.prepare(`UPDATE webhook_inbox SET state = @state, next_attempt_at = NULL,
      claimed_by = NULL, claimed_until = NULL, updated_at = @now WHERE portal = @portal AND ${ids} AND +state IN ('received', 'failed')`),
    fail: db.prepare(`UPDATE webhook_inbox SET attempts = attempts + 1, error = @error,
      state = CASE WHEN @nextAttemptAt IS NULL THEN 'dead' ELSE 'failed' END,
      next_attempt_at = @nextAttemptAt, claimed_by = NULL, claimed_until = NULL, updated_at = @now
      WHERE portal = @portal AND ${ids} AND +state IN ('received', 'failed')`),
    retry: db.prepare(`UPDATE webhook_inbox SET state = 'received', next_attempt_at = NULL,
      claimed_by = NULL, claimed_until = NULL, updated_at = @now
      WHERE portal = @portal AND ${ids} AND +state IN ('failed', 'dead')`),
    retryDead: db.prepare(`UPDATE webhook_inbox SET state = 'received', next_attempt_at = NULL,
      claimed_by = NULL, claimed_until = NULL, updated_at = @now
      WHERE portal = @portal AND state = 'dead'`),
    // Without statistics the planner takes webhook_inbox_recent, which also walks every settled
    // event; the partial index holds only the rows that may be due. Spelled out to match it.
    pending: db.prepare<{ portal: string; now: string; limit: number }, InboxRow>(`
      SELECT * FROM webhook_inbox INDEXED BY webhook_inbox_pending
      WHERE portal = @portal AND state IN ('received', 'failed')
        AND (state = 'received' OR next_attempt_at <= @now)
      ORDER BY received_at, rowid LIMIT @limit`),
    claim: db.prepare<
      { portal: string; now: string; limit: number; holder: string; until: string },
      InboxRow & { seq: number }
    >(`
      UPDATE webhook_inbox SET claimed_by = @holder, claimed_until = @until
      WHERE rowid IN (
        SELECT rowid FROM webhook_inbox INDEXED BY webhook_inbox_pending
        WHERE portal = @portal AND state IN ('received', 'failed')
          AND (state = 'received' OR next_attempt_at <= @now)
          AND (claimed_until IS NULL OR claimed_until <= @now)
        ORDER BY received_at, rowid LIMIT @limit)
      RETURNING rowid AS seq, *`),
    claimHolders: db
      .prepare<{ portal: string; now: string }, string>(
        `SELECT DISTINCT claimed_by FROM webhook_inbox INDEXED BY webhook_inbox_pending
         WHERE portal = @portal AND state IN ('received', 'failed') AND claimed_until > @now`,
      )
      .pluck(),
    releaseClaims: db.prepare(`UPDATE webhook_inbox SET claimed_by = NULL, claimed_until = NULL
      WHERE portal = @portal AND claimed_by = @holder AND state IN ('received', 'failed')`),
    counts: db.prepare<{ portal: string }, { state: InboxState; count: number }>(`
      SELECT state, COUNT(*) AS count FROM webhook_inbox WHERE portal = @portal GROUP BY state`),
    // Two statements, not "@state IS NULL OR …", so each walks its own index in order.
    recent: db.prepare<{ portal: string; limit: number }, InboxRow>(`
      SELECT * FROM webhook_inbox WHERE portal = @portal
      ORDER BY received_at DESC, rowid DESC LIMIT @limit`),
    inState: db.prepare<{ portal: string; state: InboxState; limit: number }, InboxRow>(`
      SELECT * FROM webhook_inbox WHERE portal = @portal AND state = @state
      ORDER BY received_at DESC, rowid DESC LIMIT @limit`),
  };
}

// One JSON array, read with json_each: a batch is one statement whatever its size.
function eventIdsJson(eventIds: readonly string[]): string {
  return JSON.stringify(checkedEventIds(eventIds));
}
