import { inboxEventParams } from '../inbox-event-params.ts';
import { isoInstant } from '../iso-instant.ts';
import {
  checkedEventIds,
  inboxEvent,
  LIST_LIMIT,
  positive,
  type InboxRow,
  type Settled,
} from '../inbox-rows.ts';
import { nonEmptyText } from '../non-empty-text.ts';
import {
  INBOX_STATES,
  type InboxClaim,
  type InboxEvent,
  type InboxEventInput,
  type InboxState,
} from '../store.ts';
import { StoreError } from '../store-error.ts';
import type { Queryable } from './pg-client.ts';

// The columns an event is read back from, in one place for every query that hands events out.
const EVENT_COLUMNS = `portal, event_id, subscription_type, object_id, occurred_at, state,
  attempts, error, payload, received_at, next_attempt_at, updated_at`;

/**
 * The rows of `portal` ($1) due at $2: received, or failed with their next attempt come. Spelled
 * with webhook_inbox_pending's predicate so the planner can read that partial index, which holds
 * only the rows that may be due instead of every settled event.
 */
const DUE = `portal = $1 AND state IN ('received', 'failed')
  AND (state = 'received' OR next_attempt_at <= $2)`;

/**
 * The webhook inbox on PostgreSQL. Every call is one statement, so it commits (autocommit on the
 * pool) before it resolves. Each write names the states it moves from: under READ COMMITTED an
 * UPDATE re-checks its WHERE on a row another replica changed meanwhile, so a late or repeated
 * call cannot undo a settlement. `error` stays the last failure's message after a retry or a
 * success: together with `attempts` it is the event's history.
 */
export function pgWebhookInbox(q: Queryable, now: () => Date) {
  const stamp = () => now().toISOString();

  return {
    async receive(
      portal: string,
      events: readonly InboxEventInput[],
    ): Promise<{ stored: number; duplicates: number }> {
      nonEmptyText(portal, 'portal');
      const rows = events.map((event, i) => inboxEventParams(event, `events[${i}]`));
      // The same event twice in one batch: the first one stays, as row by row it would. Left to
      // the INSERT below, which goes in event id order, either copy could.
      const seen = new Set<string>();
      const unique = rows.filter((row) => !seen.has(row.eventId) && seen.add(row.eventId));
      if (unique.length === 0) return { stored: 0, duplicates: 0 };
      const column = <K extends keyof (typeof unique)[number]>(key: K) => unique.map((r) => r[key]);
      // One statement for the batch. Rows are inserted in event id order, as any other batch
      // holding some of the same events inserts them: a row another replica is inserting
      // meanwhile makes this insert wait for it, and in one order two such waits cannot close a
      // cycle (a deadlock). seq still numbers them in the batch's order, which orders the events
      // received at the same instant, as SQLite's rowid does. A redelivery leaves the stored row
      // as it is.
      const { rowCount } = await q.query(
        `WITH batch AS MATERIALIZED (
           SELECT nextval(pg_get_serial_sequence('webhook_inbox', 'seq')) AS seq, e.*
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
             WITH ORDINALITY AS e(event_id, subscription_type, object_id, occurred_at, state,
               payload, n)
           ORDER BY e.n)
         INSERT INTO webhook_inbox (seq, portal, event_id, subscription_type, object_id,
           occurred_at, state, payload, received_at, updated_at)
         OVERRIDING SYSTEM VALUE
         SELECT seq, $1, event_id, subscription_type, object_id, occurred_at, state, payload,
           $2, $2
         FROM batch ORDER BY event_id COLLATE "C"
         ON CONFLICT (portal, event_id) DO NOTHING`,
        [
          portal,
          stamp(),
          column('eventId'),
          column('subscriptionType'),
          column('objectId'),
          column('occurredAt'),
          column('state'),
          column('payload'),
        ],
      );
      const stored = rowCount ?? 0;
      return { stored, duplicates: rows.length - stored };
    },

    async settle(portal: string, eventIds: readonly string[], state: Settled): Promise<void> {
      if (state !== 'processed' && state !== 'ignored') {
        throw new StoreError(
          'invalid-input',
          `state must be "processed" or "ignored", got "${state}".`,
        );
      }
      await q.query(
        `UPDATE webhook_inbox SET state = $3, next_attempt_at = NULL, claimed_by = NULL,
           claimed_until = NULL, updated_at = $4
         WHERE portal = $1 AND event_id = ANY($2::text[]) AND state IN ('received', 'failed')`,
        [portal, checkedEventIds(eventIds), state, stamp()],
      );
    },

    async fail(
      portal: string,
      eventIds: readonly string[],
      error: string,
      next: string | null,
    ): Promise<void> {
      const nextAttemptAt = next === null ? null : isoInstant(next, 'nextAttemptAt');
      const message = nonEmptyText(error, 'error');
      await q.query(
        `UPDATE webhook_inbox SET attempts = attempts + 1, error = $3,
           state = CASE WHEN $4::text IS NULL THEN 'dead' ELSE 'failed' END,
           next_attempt_at = $4, claimed_by = NULL, claimed_until = NULL, updated_at = $5
         WHERE portal = $1 AND event_id = ANY($2::text[]) AND state IN ('received', 'failed')`,
        [portal, checkedEventIds(eventIds), message, nextAttemptAt, stamp()],
      );
    },

    async retry(portal: string, which: readonly string[] | 'dead'): Promise<number> {
      const { rowCount } =
        which === 'dead'
          ? await q.query(
              `UPDATE webhook_inbox SET state = 'received', next_attempt_at = NULL,
                 claimed_by = NULL, claimed_until = NULL, updated_at = $2
               WHERE portal = $1 AND state = 'dead'`,
              [portal, stamp()],
            )
          : await q.query(
              `UPDATE webhook_inbox SET state = 'received', next_attempt_at = NULL,
                 claimed_by = NULL, claimed_until = NULL, updated_at = $3
               WHERE portal = $1 AND event_id = ANY($2::text[]) AND state IN ('failed', 'dead')`,
              [portal, checkedEventIds(which), stamp()],
            );
      return rowCount ?? 0;
    },

    /**
     * Due events, oldest first, claimed for `claim.holder`. SKIP LOCKED: a drainer passes over
     * the rows another is claiming this instant instead of waiting for it, so replicas draining
     * at once each get their own events; the claim then keeps them off every other drain until
     * it is settled or lapses.
     */
    async claim(
      portal: string,
      at: string,
      limit: number,
      claim: InboxClaim,
    ): Promise<InboxEvent[]> {
      const { rows } = await q.query<InboxRow & { seq: number }>(
        `UPDATE webhook_inbox AS w SET claimed_by = $4, claimed_until = $5
         FROM (SELECT portal, event_id FROM webhook_inbox
               WHERE ${DUE} AND (claimed_until IS NULL OR claimed_until <= $2)
               ORDER BY received_at, seq LIMIT $3 FOR UPDATE SKIP LOCKED) AS due
         WHERE w.portal = due.portal AND w.event_id = due.event_id
         RETURNING w.seq, ${EVENT_COLUMNS.replace(/(\w+)/g, 'w.$1')}`,
        [
          portal,
          isoInstant(at, 'now'),
          positive(limit),
          nonEmptyText(claim.holder, 'claim.holder'),
          isoInstant(claim.until, 'claim.until'),
        ],
      );
      return rows
        .sort((a, b) =>
          a.received_at < b.received_at ? -1 : a.received_at > b.received_at ? 1 : a.seq - b.seq,
        )
        .map(inboxEvent);
    },

    /** Due events, oldest first: a plain read, for a caller that claims nothing. */
    async pending(portal: string, at: string, limit: number): Promise<InboxEvent[]> {
      const { rows } = await q.query<InboxRow>(
        `SELECT ${EVENT_COLUMNS} FROM webhook_inbox WHERE ${DUE}
         ORDER BY received_at, seq LIMIT $3`,
        [portal, isoInstant(at, 'now'), positive(limit)],
      );
      return rows.map(inboxEvent);
    },

    async claimHolders(portal: string, at: string): Promise<string[]> {
      const { rows } = await q.query<{ claimed_by: string }>(
        `SELECT DISTINCT claimed_by FROM webhook_inbox
         WHERE portal = $1 AND state IN ('received', 'failed') AND claimed_until > $2`,
        [portal, isoInstant(at, 'now')],
      );
      return rows.map((r) => r.claimed_by);
    },

    async releaseClaims(portal: string, holder: string): Promise<number> {
      const { rowCount } = await q.query(
        `UPDATE webhook_inbox SET claimed_by = NULL, claimed_until = NULL
         WHERE portal = $1 AND claimed_by = $2 AND state IN ('received', 'failed')`,
        [portal, nonEmptyText(holder, 'holder')],
      );
      return rowCount ?? 0;
    },

    async counts(portal: string): Promise<Record<InboxState, number>> {
      const counts = Object.fromEntries(INBOX_STATES.map((state) => [state, 0]));
      const { rows } = await q.query<{ state: InboxState; count: number }>(
        'SELECT state, COUNT(*) AS count FROM webhook_inbox WHERE portal = $1 GROUP BY state',
        [portal],
      );
      for (const row of rows) counts[row.state] = row.count;
      return counts as Record<InboxState, number>;
    },

    async list(
      portal: string,
      filter: { state?: InboxState; limit?: number } = {},
    ): Promise<InboxEvent[]> {
      const { state } = filter;
      const limit = positive(filter.limit ?? LIST_LIMIT);
      if (state !== undefined && !INBOX_STATES.includes(state)) {
        const known = INBOX_STATES.join(', ');
        throw new StoreError('invalid-input', `state must be one of ${known}, got "${state}".`);
      }
      // Two statements, not "$2 IS NULL OR …", so each walks its own index in order.
      const { rows } =
        state === undefined
          ? await q.query<InboxRow>(
              `SELECT ${EVENT_COLUMNS} FROM webhook_inbox WHERE portal = $1
               ORDER BY received_at DESC, seq DESC LIMIT $2`,
              [portal, limit],
            )
          : await q.query<InboxRow>(
              `SELECT ${EVENT_COLUMNS} FROM webhook_inbox WHERE portal = $1 AND state = $2
               ORDER BY received_at DESC, seq DESC LIMIT $3`,
              [portal, state, limit],
            );
      return rows.map(inboxEvent);
    },
  };
}
