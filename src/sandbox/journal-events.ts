import { associationChangeEvents } from './association-change-events.ts';
import { associationJournal } from './association-journal.ts';
import { changeJournal } from './change-journal.ts';
import type { PortalDatabase } from './portal-database.ts';
import { webhookEvents, type EventOrigin, type WebhookEvent } from './webhook-events.ts';
import type { Subscription } from './webhook-subscriptions.ts';

const JOURNAL_PAGE = 1000;

/** Where reading stopped in each journal: the last rowid seen. */
export interface JournalCursor {
  properties: number;
  associations: number;
}

interface Journal<T> {
  after(seq: number, limit: number): { changes: T[]; lastSeq: number };
}

function drain<T>(journal: Journal<T>, from: number, use: (change: T) => void): number {
  let cursor = from;
  for (;;) {
    const { changes, lastSeq } = journal.after(cursor, JOURNAL_PAGE);
    changes.forEach(use);
    if (lastSeq === cursor) return cursor;
    cursor = lastSeq;
  }
}

/**
 * The portal's two change journals (property values, associations) as one source of webhook
 * events: every change after a cursor, made into one event per matching subscription.
 */
export function journalEvents(
  db: PortalDatabase,
  subscriptions: readonly Subscription[],
  origin: EventOrigin,
) {
  const properties = changeJournal(db);
  const associations = associationJournal(db);
  return {
    /** The newest change of each journal: reading from here skips everything before now. */
    newest: (): JournalCursor => ({
      properties: properties.lastSeq(),
      associations: associations.lastSeq(),
    }),
    since(cursor: JournalCursor): { events: WebhookEvent[]; cursor: JournalCursor } {
      const events: WebhookEvent[] = [];
      const next = {
        properties: drain(properties, cursor.properties, (change) =>
          events.push(...webhookEvents(change, subscriptions, origin)),
        ),
        associations: drain(associations, cursor.associations, (change) =>
          events.push(...associationChangeEvents(change, subscriptions, origin)),
        ),
      };
      return { events, cursor: next };
    },
  };
}
