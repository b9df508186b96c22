import { cachedStatement } from './cached-statement.ts';
import { objectTypeInfo, type CrmObjectType } from './object-types.ts';
import type { PortalDatabase } from './portal-database.ts';

export interface ObjectRow {
  id: number;
  type: CrmObjectType;
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

const q = (db: PortalDatabase, sql: string) => cachedStatement(db, sql);

function addHistory(db: PortalDatabase, id: number, name: string, entry: HistoryEntry): void {
  q(db, 'INSERT INTO property_history VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    name,
    entry.value,
    entry.timestamp,
    entry.sourceType,
    entry.sourceId ?? null,
  );
}

function hasHistory(db: PortalDatabase, id: number, name: string): boolean {
  const sql = 'SELECT 1 FROM property_history WHERE object_id = ? AND name = ? LIMIT 1';
  return q(db, sql).get(id, name) !== undefined;
}

/** Applies changed values only; the first change of a seeded value keeps it in history. */
function updateRow(
  db: PortalDatabase,
  row: ObjectRow,
  values: PropertyValues,
  at: string,
  sourceId: string,
  sourceType: string,
) {
  const stored = JSON.parse(row.properties) as Record<string, string>;
  let changed = false;
  for (const [name, value] of Object.entries(values)) {
    const old = stored[name] ?? null;
    if (old === value) continue;
    if (old !== null && !hasHistory(db, row.id, name)) {
      addHistory(db, row.id, name, { value: old, timestamp: row.created_at, sourceType: 'IMPORT' });
    }
    addHistory(db, row.id, name, { value, timestamp: at, sourceType, sourceId });
    if (value === null) delete stored[name];
    else stored[name] = value;
    changed = true;
  }
  if (!changed) return row;
  const properties = JSON.stringify(stored);
  q(db, 'UPDATE objects SET properties = ?, updated_at = ? WHERE id = ?').run(
    properties,
    at,
    row.id,
  );
  return { ...row, properties, updated_at: at };
}

/** A property's changes, newest first; a seeded value that never changed is its only entry. */
function historyOf(db: PortalDatabase, row: ObjectRow, name: string, current: string | null) {
  const rows = q(
    db,
    `SELECT value, timestamp, source_type AS sourceType, source_id AS sourceId
     FROM property_history WHERE object_id = ? AND name = ? ORDER BY rowid DESC`,
  ).all(row.id, name) as (HistoryEntry & { sourceId: string | null })[];
  if (rows.length > 0) {
    return rows.map(({ sourceId, ...entry }): HistoryEntry =>
      sourceId ? { ...entry, sourceId } : entry,
    );
  }
  return current === null
    ? []
    : [{ value: current, timestamp: row.created_at, sourceType: 'IMPORT' }];
}

/** Reads and writes CRM records; values are stored as HubSpot returns them (strings). */
export function objectStore(db: PortalDatabase) {
  return {
    find: (type: CrmObjectType, id: number) =>
      q(db, `SELECT ${COLUMNS} FROM objects WHERE id = ? AND type = ?`).get(id, type) as
        ObjectRow | undefined,
    /** Up to `limit` records from id `fromId` on, in id order: one page, never the whole type. */
    page: (type: CrmObjectType, fromId: number, limit: number) =>
      q(db, `SELECT ${COLUMNS} FROM objects WHERE type = ? AND id >= ? ORDER BY id LIMIT ?`).all(
        type,
        fromId,
        limit,
      ) as ObjectRow[],
    nextId: (type: CrmObjectType) => {
      const row = q(db, 'SELECT MAX(id) AS id FROM objects WHERE type = ?').get(type) as {
        id: number | null;
      };
      return (row.id ?? objectTypeInfo(type).idBase) + 1;
    },
    insert(
      type: CrmObjectType,
      id: number,
      values: PropertyValues,
      at: string,
      sourceId: string,
    ): ObjectRow {
      const stored = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
      const properties = JSON.stringify(stored);
      q(db, 'INSERT INTO objects VALUES (?, ?, ?, ?, ?)').run(id, type, properties, at, at);
      for (const [name, value] of Object.entries(stored)) {
        addHistory(db, id, name, { value, timestamp: at, sourceType: 'INTEGRATION', sourceId });
      }
      return { id, type, properties, created_at: at, updated_at: at };
    },
    /** Each changed value goes into property_history, which the webhook dispatcher tails. */
    update: (
      row: ObjectRow,
      values: PropertyValues,
      at: string,
      sourceId: string,
      /** HubSpot's history sourceType: INTEGRATION for a token's write, CRM_UI for a person's. */
      sourceType = 'INTEGRATION',
    ) => updateRow(db, row, values, at, sourceId, sourceType),
    history: (row: ObjectRow, name: string, current: string | null) =>
      historyOf(db, row, name, current),
  };
}

export type ObjectStore = ReturnType<typeof objectStore>;
