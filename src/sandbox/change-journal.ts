import { cachedStatement } from './cached-statement.ts';
import type { CrmObjectType } from './object-types.ts';
import type { PortalDatabase } from './portal-database.ts';

/** One property value written to a record, as property_history recorded it. */
export interface PropertyChange {
  /** The history row's rowid: increasing, so a reader can resume after the last one it saw. */
  seq: number;
  objectType: CrmObjectType;
  objectId: number;
  name: string;
  value: string | null;
  occurredAt: number;
  /** INTEGRATION (a token's write), CRM_UI (`vitals sandbox change`), … */
  sourceType: string;
  sourceId: string | null;
}

interface Row {
  seq: number;
  objectType: CrmObjectType | null;
  objectId: number;
  name: string;
  value: string | null;
  timestamp: string;
  sourceType: string;
  sourceId: string | null;
}

/**
 * property_history is the portal's change journal: every write of a changed value adds a row,
 * whichever process made it (the sandbox's API, or `vitals sandbox change` writing the file),
 * so the webhook dispatcher tails it. Rows of type IMPORT are the seeded value kept when it is
 * first overwritten, not changes. Nothing deletes from the table, so rowids only grow.
 */
export function changeJournal(db: PortalDatabase) {
  return {
    lastSeq: (): number =>
      (
        cachedStatement(db, 'SELECT MAX(rowid) AS seq FROM property_history').get() as {
          seq: number | null;
        }
      ).seq ?? 0,
    /** Up to `limit` history rows after `seq`; `lastSeq` is where the next read starts. */
    after(seq: number, limit: number): { changes: PropertyChange[]; lastSeq: number } {
      const rows = cachedStatement(
        db,
        `SELECT h.rowid AS seq, o.type AS objectType, h.object_id AS objectId, h.name, h.value,
           h.timestamp, h.source_type AS sourceType, h.source_id AS sourceId
         FROM property_history h LEFT JOIN objects o ON o.id = h.object_id
         WHERE h.rowid > ? ORDER BY h.rowid LIMIT ?`,
      ).all(seq, limit) as Row[];
      const changes = rows.flatMap(({ timestamp, objectType, ...row }) =>
        row.sourceType === 'IMPORT' || objectType === null
          ? []
          : [{ ...row, objectType, occurredAt: Date.parse(timestamp) }],
      );
      return { changes, lastSeq: rows.at(-1)?.seq ?? seq };
    },
  };
}
