import { cachedStatement } from './cached-statement.ts';
import type { ObjectType } from './object-types.ts';
import type { PortalDatabase } from './portal-database.ts';

/** One association type added or removed between two records, seen from the `from` side. */
export interface AssociationChange {
  /** The journal row's rowid: increasing, so a reader can resume after the last one it saw. */
  seq: number;
  fromType: ObjectType;
  fromId: number;
  toType: ObjectType;
  toId: number;
  /** HUBSPOT_DEFINED type: 280 company→contact, 2 its primary form; 279 and 1 the other way. */
  typeId: number;
  removed: boolean;
  occurredAt: number;
  /** The event's changeSource: USER (`vitals sandbox associate`), INTEGRATION (a token's call). */
  sourceType: string;
  sourceId: string | null;
}

export type AssociationChangeInput = Omit<AssociationChange, 'seq' | 'occurredAt'> & {
  at: string;
};

interface Row {
  seq: number;
  fromType: ObjectType;
  fromId: number;
  toType: ObjectType;
  toId: number;
  typeId: number;
  removed: number;
  timestamp: string;
  sourceType: string;
  sourceId: string | null;
}

/**
 * association_history is to associations what property_history is to values: every link or
 * unlink adds a row, whichever process made it (the sandbox's API, or `vitals sandbox associate`
 * writing the file), and the webhook dispatcher tails it. Nothing deletes from it.
 */
export function associationJournal(db: PortalDatabase) {
  return {
    record(change: AssociationChangeInput): void {
      cachedStatement(db, 'INSERT INTO association_history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        change.fromId,
        change.fromType,
        change.toId,
        change.toType,
        change.typeId,
        change.removed ? 1 : 0,
        change.at,
        change.sourceType,
        change.sourceId,
      );
    },
    lastSeq: (): number =>
      (
        cachedStatement(db, 'SELECT MAX(rowid) AS seq FROM association_history').get() as {
          seq: number | null;
        }
      ).seq ?? 0,
    /** Up to `limit` rows after `seq`; `lastSeq` is where the next read starts. */
    after(seq: number, limit: number): { changes: AssociationChange[]; lastSeq: number } {
      const rows = cachedStatement(
        db,
        `SELECT rowid AS seq, from_type AS fromType, from_id AS fromId, to_type AS toType,
           to_id AS toId, type_id AS typeId, removed, timestamp, source_type AS sourceType,
           source_id AS sourceId
         FROM association_history WHERE rowid > ? ORDER BY rowid LIMIT ?`,
      ).all(seq, limit) as Row[];
      const changes = rows.map(({ timestamp, removed, ...row }) => ({
        ...row,
        removed: removed === 1,
        occurredAt: Date.parse(timestamp),
      }));
      return { changes, lastSeq: rows.at(-1)?.seq ?? seq };
    },
  };
}
