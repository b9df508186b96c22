import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateSqlite } from '../../../src/store/migrate-sqlite.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../../src/store/open-sqlite-store.ts';
import { migratePostgres } from '../../../src/store/postgres/migrate-postgres.ts';
import { openPostgresStore } from '../../../src/store/postgres/open-postgres-store.ts';
import { createPool } from '../../../src/store/postgres/pg-client.ts';
import { postgresMigrations } from '../../../src/store/postgres/pg-migrations.ts';
import { SNAPSHOT_PAGE } from '../../../src/store/snapshot-rows.ts';
import { sqliteMigrations } from '../../../src/store/sqlite-migrations.ts';
import type { RunProgress, SignalSnapshot, Store } from '../../../src/store/store.ts';
import { freshPostgresDatabase, storeOnPostgres } from '../../support/postgres-database.ts';
import { openTestStore, tempDataDir } from './open-test-store.ts';
import { scoreRecord } from './score-record.ts';

const LATEST = sqliteMigrations.at(-1)!.version;
const LEASE = 'full-rescore';
const TTL = 60_000;

function snapshot(overrides: Partial<SignalSnapshot> = {}): SignalSnapshot {
  return {
    portal: 'sandbox',
    companyId: '101',
    month: '2025-03',
    takenAt: '2025-03-10T12:00:00.000Z',
    segment: 'mid_market',
    signals: { login_frequency_pct: 62.5, champion_status: 'engaged', nps_last: null },
    modifiers: { open_p1_tickets: 2, overdue_invoices: null },
    ...overrides,
  };
}

const progress = (cursor: string): RunProgress => ({
  cursor,
  pagesDone: 1,
  companies: 1,
  scored: 1,
  unchanged: 0,
  updated: 0,
  apiCalls: {},
});

async function everyPage(
  store: Store,
  portal = 'sandbox',
  range?: { from?: string; to?: string },
): Promise<SignalSnapshot[][]> {
  const pages: SignalSnapshot[][] = [];
  for await (const page of store.signalSnapshots(portal, range)) pages.push(page);
  return pages;
}

const every = async (store: Store, range?: { from?: string; to?: string }) =>
  (await everyPage(store, 'sandbox', range)).flat();

describe('signal snapshots', () => {
  it('keep one snapshot per company and month, as written', async () => {
    const { store } = await openTestStore();
    const march = snapshot();
    const april = snapshot({ month: '2025-04', takenAt: '2025-04-02T08:00:00+02:00' });
    const other = snapshot({ companyId: '102', segment: null, modifiers: {} });
    await store.putSignalSnapshots([april, march, other]);
    await store.putSignalSnapshots([snapshot({ portal: 'elsewhere' })]);
    expect(await every(store)).toEqual([
      march,
      { ...april, takenAt: '2025-04-02T06:00:00.000Z' },
      other,
    ]);
  });

  it('replace a month with a later reading of it, never with an earlier one', async () => {
    const { store } = await openTestStore();
    await store.putSignalSnapshots([snapshot()]);
    const later = snapshot({ takenAt: '2025-03-20T12:00:00.000Z', signals: { nps_last: 9 } });
    await store.putSignalSnapshots([later]);
    expect(await every(store)).toEqual([later]);
    const earlier = snapshot({ takenAt: '2025-03-15T12:00:00.000Z', segment: 'smb' });
    await store.putSignalSnapshots([earlier]);
    expect(await every(store)).toEqual([later]);
    // Both in one batch, the later first: the later stands still.
    const latest = snapshot({ takenAt: '2025-03-25T00:00:00.000Z', signals: {} });
    await store.putSignalSnapshots([latest, earlier]);
    expect(await every(store)).toEqual([latest]);
  });

  it('refuse a month that is not YYYY-MM, or a reading time that is not an instant, whole', async () => {
    const { store } = await openTestStore();
    for (const month of ['2025-3', '2025-13', '202503', '2025-03-01', '']) {
      const bad = store.putSignalSnapshots([snapshot({ companyId: '1' }), snapshot({ month })]);
      await expect(bad).rejects.toMatchObject({ code: 'invalid-input', message: /^month / });
    }
    const late = store.putSignalSnapshots([snapshot({ takenAt: 'last Tuesday' })]);
    await expect(late).rejects.toMatchObject({ code: 'invalid-input', message: /^takenAt / });
    await expect(everyPage(store, 'sandbox', { from: 'March' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: /^from /,
    });
    await expect(everyPage(store, 'sandbox', { to: '2025-00' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(await every(store)).toEqual([]);
  });

  it('stream every row once, by company then month, across pages, within the months asked', async () => {
    const { store } = await openTestStore();
    const months = ['2024-11', '2024-12', '2025-01'];
    // Over two pages' worth, so the last page is a part one.
    const companies = Math.ceil((2 * SNAPSHOT_PAGE) / months.length) + 1;
    const rows: SignalSnapshot[] = [];
    // Written month by month, as runs write them, not in the order they are read.
    for (const month of months)
      for (let id = 1; id <= companies; id++)
        rows.push(
          snapshot({
            companyId: String(id),
            month,
            takenAt: `${month}-15T00:00:00.000Z`,
            signals: { n: id },
            modifiers: {},
          }),
        );
    await store.putSignalSnapshots(rows);
    const byKey = (a: SignalSnapshot, b: SignalSnapshot) =>
      a.companyId === b.companyId
        ? a.month < b.month
          ? -1
          : 1
        : a.companyId < b.companyId
          ? -1
          : 1;
    const expected = [...rows].sort(byKey);

    const pages = await everyPage(store);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.slice(0, -1).every((page) => page.length === SNAPSHOT_PAGE)).toBe(true);
    expect(pages.flat()).toEqual(expected);

    const december = await every(store, { from: '2024-12', to: '2024-12' });
    expect(december).toEqual(expected.filter((row) => row.month === '2024-12'));
    const fromDecember = await every(store, { from: '2024-12' });
    expect(fromDecember).toEqual(expected.filter((row) => row.month >= '2024-12'));
    expect(await every(store, { to: '2024-11' })).toEqual(
      expected.filter((row) => row.month === '2024-11'),
    );
    expect(await every(store, { from: '2025-02' })).toEqual([]);
    expect(await everyPage(store, 'elsewhere')).toEqual([]);

    expect(await store.snapshotMonths('sandbox')).toEqual({
      first: '2024-11',
      last: '2025-01',
      companies,
      rows: rows.length,
    });
  });

  it('say there are none for a portal without snapshots', async () => {
    const { store } = await openTestStore();
    expect(await store.snapshotMonths('sandbox')).toEqual({
      first: null,
      last: null,
      companies: 0,
      rows: 0,
    });
  });

  it('are written with the page that scored them, and a replayed page does not roll back', async () => {
    const { store } = await openTestStore();
    const run = await store.startRun({
      portal: 'sandbox',
      kind: 'full',
      source: 'sandbox',
      dryRun: false,
    });
    const page = {
      runId: run.id,
      progress: progress('after-1'),
      scores: [scoreRecord({ companyId: '101' })],
      states: [],
      snapshots: [snapshot()],
    };
    await store.commitPage(page);
    expect(await every(store)).toEqual([snapshot()]);
    const later = snapshot({ takenAt: '2025-03-28T00:00:00.000Z', signals: { nps_last: 3 } });
    await store.commitPage({ ...page, snapshots: [later] });
    await store.commitPage(page);
    expect(await every(store)).toEqual([later]);
  });

  it('are not written by a page whose lease another process took', async () => {
    const { store, open, clock } = await openTestStore();
    expect(await store.acquireLease(LEASE, 'A', TTL)).toBe(true);
    const run = await store.startRun({
      portal: 'sandbox',
      kind: 'full',
      source: 'sandbox',
      dryRun: false,
    });
    clock.advance(TTL + 1);
    const other = await open();
    expect(await other.acquireLease(LEASE, 'B', TTL)).toBe(true);
    const stale = store.commitPage({
      runId: run.id,
      progress: progress('after-1'),
      scores: [],
      states: [],
      snapshots: [snapshot()],
      lease: { name: LEASE, holder: 'A' },
    });
    await expect(stale).rejects.toMatchObject({ code: 'lease-lost' });
    expect(await every(other)).toEqual([]);
    expect(await other.snapshotMonths('sandbox')).toMatchObject({ rows: 0 });
  });

  it('come with migration 16, which keeps what a schema-15 store holds', async () => {
    const upTo15 = <T extends { version: number }>(list: readonly T[]) =>
      list.filter((m) => m.version <= 15);
    const insert = `INSERT INTO account_facts (portal, company_id, name, updated_at, expansion_seen)
      VALUES ('sandbox', '7', 'Acme', '2025-01-01T00:00:00.000Z', '{}')`;
    let store: Store;
    if (storeOnPostgres()) {
      const url = await freshPostgresDatabase();
      const pool = createPool(url);
      try {
        await migratePostgres(pool, upTo15(postgresMigrations), 'old', () => new Date());
        await pool.query(insert);
      } finally {
        await pool.end();
      }
      store = await openPostgresStore(url);
    } else {
      const dataDir = tempDataDir();
      const old = new Database(join(dataDir, SQLITE_FILE_NAME));
      migrateSqlite(old, upTo15(sqliteMigrations), 'old', () => new Date());
      old.exec(insert);
      old.close();
      store = await openSqliteStore(dataDir);
    }
    try {
      expect(await store.health()).toMatchObject({ ok: true, schemaVersion: LATEST });
      expect(await store.accountFacts('sandbox')).toMatchObject([{ companyId: '7', name: 'Acme' }]);
      await store.putSignalSnapshots([snapshot({ companyId: '7' })]);
      expect(await every(store)).toEqual([snapshot({ companyId: '7' })]);
    } finally {
      await store.close();
    }
  });
});
