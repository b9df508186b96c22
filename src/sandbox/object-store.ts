import { cachedStatement } from './cached-statement.ts';
import { objectTypeInfo, type ObjectType } from './object-types.ts';
import type { PortalDatabase } from './portal-database.ts';

export interface ObjectRow {
  id: number;
  type: ObjectType;
  properties: string;
  created_at: string;
  updated_at: string;
}

export interface HistoryEntry {
  value: string | null;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
}

export type PropertyValues = Record<string, string | null>;

const COLUMNS = 'id, type, properties, created_at, updated_at';

/** Reads and writes CRM records; values are stored as HubSpot returns them (strings). */
export function objectStore(db: PortalDatabase) {
  const q = (sql: string) => cachedStatement(db, sql);
  const addHistory = (id: number, name: string, entry: HistoryEntry) =>
    q('INSERT INTO property_history VALUES (?, ?, ?, ?, ?, ?)').run(
      id,
      name,
      entry.value,
      entry.timestamp,
      entry.sourceType,
      entry.sourceId ?? null,
    );
  const hasHistory = (id: number, name: string) =>
    q('SELECT 1 FROM property_history WHERE object_id = ? AND name = ? LIMIT 1').get(id, name) !==
    undefined;
  return {
    find: (type: ObjectType, id: number) =>
      q(`SELECT ${COLUMNS} FROM objects WHERE id = ? AND type = ?`).get(id, type) as
        ObjectRow | undefined,
    /** Up to `limit` records from id `fromId` on, in id order: one page, never the whole type. */
    page: (type: ObjectType, fromId: number, limit: number) =>
      q(`SELECT ${COLUMNS} FROM objects WHERE type = ? AND id >= ? ORDER BY id LIMIT ?`).all(
        type,
        fromId,
        limit,
      ) as ObjectRow[],
    nextId: (type: ObjectType) => {
      const row = q('SELECT MAX(id) AS id FROM objects WHERE type = ?').get(type) as {
        id: number | null;
      };
      return (row.id ?? objectTypeInfo(type).idBase) + 1;
    },
    insert(type: ObjectType, id: number, values: PropertyValues, at: string, sourceId: string) {
      const stored = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
      q(`INSERT INTO objects VALUES (?, ?, ?, ?, ?)`).run(id, type, JSON.stringify(stored), at, at);
      for (const [name, value] of Object.entries(stored)) {
        addHistory(id, name, { value, timestamp: at, sourceType: 'INTEGRATION', sourceId });
      }
      return { id, type, properties: JSON.stringify(stored), created_at: at, updated_at: at };
    },
    /** Applies changed values only; the first change of a seeded value keeps it in history. */
    update(row: ObjectRow, values: PropertyValues, at: string, sourceId: string): ObjectRow {
      const stored = JSON.parse(row.properties) as Record<string, string>;
      let changed = false;
      for (const [name, value] of Object.entries(values)) {
        const old = stored[name] ?? null;
        if (old === value) continue;
        if (old !== null && !hasHistory(row.id, name)) {
          addHistory(row.id, name, { value: old, timestamp: row.created_at, sourceType: 'IMPORT' });
        }
        addHistory(row.id, name, { value, timestamp: at, sourceType: 'INTEGRATION', sourceId });
        if (value === null) delete stored[name];
        else stored[name] = value;
        changed = true;
      }
      if (!changed) return row;
      const properties = JSON.stringify(stored);
      q('UPDATE objects SET properties = ?, updated_at = ? WHERE id = ?').run(
        properties,
        at,
        row.id,
      );
      return { ...row, properties, updated_at: at };
    },
    history(row: ObjectRow, name: string, current: string | null): HistoryEntry[] {
      const rows = q(
        `SELECT value, timestamp, source_type AS sourceType, source_id AS sourceId
         FROM property_history WHERE object_id = ? AND name = ? ORDER BY rowid DESC`,
      ).all(row.id, name) as (HistoryEntry & { sourceId: string | null })[];
      if (rows.length === 0) {
        return current === null
          ? []
          : [{ value: current, timestamp: row.created_at, sourceType: 'IMPORT' }];
      }
      return rows.map(({ sourceId, ...entry }) => (sourceId ? { ...entry, sourceId } : entry));
    },
  };
}

export type ObjectStore = ReturnType<typeof objectStore>;
