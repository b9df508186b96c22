import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type PortalDatabase = Database.Database;

export const PORTAL_FILE = 'sandbox-portal.sqlite';

// Object ids are unique across types (each type has its own id range), so one table holds
// every record and an association row needs no "from" type.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS objects (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  properties TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS objects_by_type ON objects (type, id);
CREATE TABLE IF NOT EXISTS property_history (
  object_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  value TEXT,
  timestamp TEXT NOT NULL,
  source_type TEXT NOT NULL,
  source_id TEXT
);
CREATE INDEX IF NOT EXISTS property_history_by_object ON property_history (object_id, name);
CREATE TABLE IF NOT EXISTS associations (
  from_id INTEGER NOT NULL,
  to_type TEXT NOT NULL,
  to_id INTEGER NOT NULL,
  type_ids TEXT NOT NULL,
  PRIMARY KEY (from_id, to_type, to_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS association_history (
  from_id INTEGER NOT NULL,
  from_type TEXT NOT NULL,
  to_id INTEGER NOT NULL,
  to_type TEXT NOT NULL,
  type_id INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  timestamp TEXT NOT NULL,
  source_type TEXT NOT NULL,
  source_id TEXT
);
CREATE TABLE IF NOT EXISTS property_definitions (
  object_type TEXT NOT NULL,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (object_type, name)
);
CREATE TABLE IF NOT EXISTS property_groups (
  object_type TEXT NOT NULL,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (object_type, name)
);
CREATE TABLE IF NOT EXISTS owners (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL UNIQUE,
  email TEXT NOT NULL,
  owner TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sequences (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS enrollments (
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL,
  sequence_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  to_email TEXT NOT NULL,
  enrolled_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS enrollments_by_contact ON enrollments (contact_id);
CREATE TABLE IF NOT EXISTS daily_usage (day TEXT PRIMARY KEY, count INTEGER NOT NULL);
`;

export function portalDatabasePath(dataDir: string): string {
  return join(dataDir, PORTAL_FILE);
}

/** Opens (creating if needed) the portal file under dataDir, in WAL mode. */
export function openPortalDatabase(dataDir: string): PortalDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(portalDatabasePath(dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  return db;
}
