import { cachedStatement } from './cached-statement.ts';
import { objectStore, type ObjectRow } from './object-store.ts';
import type { CrmObjectType } from './object-types.ts';
import type { PortalDatabase } from './portal-database.ts';
import { writeLagMs, type SearchIndexLag } from './search-index-lag.ts';

/** What search holds for a record whose latest writes it has not indexed yet. */
export type LaggingRow =
  { hidden: true } | { hidden: false; properties: string; updatedAt: string };

interface HistoryRow {
  seq: number;
  name: string;
  value: string | null;
  timestamp: string;
  sourceType: string;
  sourceId: string | null;
}

interface Write {
  rows: HistoryRow[];
  at: string;
  visibleAt: number;
}

// IMPORT rows keep a seeded value when it is first overwritten: they are not writes.
const isWrite = (row: { sourceType: string }) => row.sourceType !== 'IMPORT';

/**
 * Records of `type` written so recently that search may not show the latest write yet. The
 * lag is derived from property_history (every writer fills it, whichever process), so writes
 * by `vitals sandbox change` lag as the API's do; a write becomes searchable no earlier than
 * the one before it.
 */
export function laggingSearchRows(
  db: PortalDatabase,
  type: CrmObjectType,
  lag: SearchIndexLag,
  now: number,
): Map<number, LaggingRow> {
  const lagging = new Map<number, LaggingRow>();
  if (lag.maxMs === 0) return lagging;
  const store = objectStore(db);
  for (const id of recentlyWritten(db, type, now - lag.maxMs)) {
    const row = store.find(type, id);
    if (!row) continue;
    const state = indexedState(db, row, lag, now);
    if (state) lagging.set(id, state);
  }
  return lagging;
}

/** Ids of `type` with a write after `since`, newest history rows first, stopping at `since`. */
function recentlyWritten(db: PortalDatabase, type: CrmObjectType, since: number): Set<number> {
  const rows = cachedStatement(
    db,
    `SELECT h.object_id AS id, h.timestamp, h.source_type AS sourceType, o.type
     FROM property_history h LEFT JOIN objects o ON o.id = h.object_id ORDER BY h.rowid DESC`,
  ).iterate() as IterableIterator<{
    id: number;
    timestamp: string;
    sourceType: string;
    type: string;
  }>;
  const ids = new Set<number>();
  for (const row of rows) {
    if (!isWrite(row)) continue;
    if (Date.parse(row.timestamp) <= since) break;
    if (row.type === type) ids.add(row.id);
  }
  return ids;
}

function writesOf(history: HistoryRow[], lag: SearchIndexLag): Write[] {
  const writes: Write[] = [];
  for (const row of history.filter(isWrite)) {
    const last = writes.at(-1);
    const same =
      last?.at === row.timestamp &&
      last.rows[0]?.sourceType === row.sourceType &&
      last.rows[0]?.sourceId === row.sourceId;
    if (last && same) {
      last.rows.push(row);
      continue;
    }
    const ready = Date.parse(row.timestamp) + writeLagMs(lag, row.seq);
    writes.push({
      rows: [row],
      at: row.timestamp,
      visibleAt: Math.max(ready, last?.visibleAt ?? 0),
    });
  }
  return writes;
}

/** The record as search sees it now, or undefined when search is up to date with it. */
function indexedState(
  db: PortalDatabase,
  row: ObjectRow,
  lag: SearchIndexLag,
  now: number,
): LaggingRow | undefined {
  const history = cachedStatement(
    db,
    `SELECT rowid AS seq, name, value, timestamp, source_type AS sourceType, source_id AS sourceId
     FROM property_history WHERE object_id = ? ORDER BY rowid`,
  ).all(row.id) as HistoryRow[];
  const writes = writesOf(history, lag);
  const pending = writes.filter((write) => write.visibleAt > now);
  if (pending.length === 0) return undefined;
  const created =
    history[0] !== undefined && isWrite(history[0]) && writes[0]?.at === row.created_at;
  if (created && writes[0]!.visibleAt > now) return { hidden: true };
  const unseen = new Set(pending.flatMap((write) => write.rows.map((r) => r.seq)));
  const seen = new Map<string, string | null>();
  for (const entry of history) if (!unseen.has(entry.seq)) seen.set(entry.name, entry.value);
  const properties = JSON.parse(row.properties) as Record<string, string>;
  for (const { name } of pending.flatMap((write) => write.rows)) {
    const value = seen.get(name) ?? null;
    if (value === null) delete properties[name];
    else properties[name] = value;
  }
  const visible = writes.filter((write) => write.visibleAt <= now).at(-1);
  return {
    hidden: false,
    properties: JSON.stringify(properties),
    updatedAt: visible?.at ?? row.created_at,
  };
}
