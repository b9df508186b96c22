import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateSqlite } from '../../../src/store/migrate-sqlite.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../../src/store/open-sqlite-store.ts';
import { sqliteMigrations } from '../../../src/store/sqlite-migrations.ts';
import { inboxEvent } from './inbox-event.ts';
import { openTestStore, tempDataDir } from './open-test-store.ts';
import { taskAction, taskUpdateAction } from './planned-action.ts';

const LATEST = sqliteMigrations.at(-1)!.version;

const inspect = (dataDir: string) => new Database(join(dataDir, SQLITE_FILE_NAME));

describe('opening the SQLite store', () => {
  it('creates a missing data directory and the file inside it', async () => {
    const dataDir = join(tempDataDir(), 'nested', 'data');
    const store = await openSqliteStore(dataDir);
    expect(await store.health()).toEqual({
      ok: true,
      backend: 'sqlite',
      version: expect.stringMatching(/^3\.\d+\.\d+$/),
      location: join(dataDir, 'vitals.sqlite'),
      schemaVersion: LATEST,
    });
    await store.close();
  });

  it('applies every migration to a new database and turns WAL on', async () => {
    const { dataDir } = await openTestStore();
    const db = inspect(dataDir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck();
    expect(versions.all()).toEqual(sqliteMigrations.map((m) => m.version));
    db.close();
  });

  it('applies nothing when opened again', async () => {
    const { store, open, dataDir, clock } = await openTestStore();
    await store.close();
    clock.advance(60_000);
    await open();
    const db = inspect(dataDir);
    const applied = db.prepare('SELECT DISTINCT applied_at FROM schema_migrations').pluck().all();
    expect(applied).toEqual(['2025-03-10T12:00:00.000Z']);
    db.close();
  });

  it('migrates a version-1 database to the latest and keeps its history', async () => {
    const dataDir = tempDataDir();
    const old = inspect(dataDir);
    migrateSqlite(old, sqliteMigrations.slice(0, 1), 'old', () => new Date());
    old.exec(`INSERT INTO score_history (portal, company_id, scored_at, score, tier, coverage,
      dimensions, model_name, model_version, top_drivers)
      VALUES ('sandbox', '7', '2025-01-01T00:00:00.000Z', 40, 'at_risk', 50, '{}', 'm', '1', '')`);
    old.close();

    const store = await openSqliteStore(dataDir);
    expect(await store.health()).toMatchObject({ schemaVersion: LATEST });
    expect((await store.latestScores('sandbox', ['7'])).get('7')).toMatchObject({ score: 40 });
    expect(await store.acquireLease('run', 'me', 1000)).toBe(true);
    await store.close();
  });

  it('migrates a version-4 database to the ledger and play state, keeping all its data', async () => {
    const dataDir = tempDataDir();
    const old = inspect(dataDir);
    migrateSqlite(old, sqliteMigrations.slice(0, 4), 'old', () => new Date());
    old.exec(`
      INSERT INTO score_history (portal, company_id, scored_at, score, tier, coverage,
        dimensions, model_name, model_version, top_drivers)
      VALUES ('sandbox', '7', '2025-01-01T00:00:00.000Z', 40, 'at_risk', 50, '{}', 'm', '1', '');
      INSERT INTO company_state VALUES ('sandbox', '7', '{"health_score":"40"}',
        '2025-01-01T00:00:00.000Z');
      INSERT INTO job_runs (id, portal, kind, source, dry_run, status, started_at, updated_at,
        cursor, pages_done)
      VALUES ('run-1', 'sandbox', 'full', 'sandbox', 0, 'stopped', '2025-01-01T00:00:00.000Z',
        '2025-01-01T00:05:00.000Z', 'after-300', 3);
      INSERT INTO leases VALUES ('full-run', 'someone', 253402300799000);`);
    old.close();

    const store = await openSqliteStore(dataDir);
    expect(await store.health()).toMatchObject({ schemaVersion: LATEST });
    expect((await store.latestScores('sandbox', ['7'])).get('7')).toMatchObject({ score: 40 });
    expect((await store.companyStates('sandbox', ['7'])).get('7')?.properties).toEqual({
      health_score: '40',
    });
    expect((await store.listRuns())[0]).toMatchObject({
      id: 'run-1',
      status: 'stopped',
      progress: { cursor: 'after-300', pagesDone: 3 },
    });
    expect(await store.acquireLease('full-run', 'me', 1000)).toBe(false);
    const [recorded] = await store.commitPlays({
      portal: 'sandbox',
      intents: [taskAction({ companyId: '7' })],
      active: [{ companyId: '7', ruleIds: ['tier_at_risk'], evaluatedAt: '2025-01-02T00:00:00Z' }],
    });
    expect(recorded?.outcome).toBe('new');
    expect((await store.activeRules('sandbox', ['7'])).get('7')).toEqual(new Set(['tier_at_risk']));
    await store.close();
  });

  it('migrates a version-8 database to tracks: its ledger survives and takes task updates', async () => {
    const dataDir = tempDataDir();
    const old = inspect(dataDir);
    migrateSqlite(old, sqliteMigrations.slice(0, 8), 'old', () => new Date());
    old.exec(`
      INSERT INTO action_ledger VALUES ('sandbox', '7:tier-critical:2025-01-01', '7',
        'tier-critical', '2025-01-01', 'task', '61234567', 'done', 'vt0a1b', '{"kind":"task"}',
        '5001', NULL, '2025-01-01T00:00:00.000Z', '2025-01-01T00:01:00.000Z',
        '2025-01-01T00:01:00.000Z');
      INSERT INTO play_state VALUES ('sandbox', '7', '["tier-critical"]',
        '2025-01-01T00:00:00.000Z');`);
    // Before version 9 the ledger refuses the new kind.
    expect(() =>
      old.exec(`INSERT INTO action_ledger SELECT portal, key || ':update', company_id, rule_id,
        episode, 'task-update', owner_id, status, marker, payload, hubspot_id, detail,
        created_at, updated_at, done_at FROM action_ledger`),
    ).toThrow(/CHECK constraint/);
    old.close();

    const store = await openSqliteStore(dataDir);
    expect(await store.health()).toMatchObject({ schemaVersion: LATEST });
    expect(await store.ledgerForCompany('sandbox', '7')).toEqual([
      expect.objectContaining({
        key: '7:tier-critical:2025-01-01',
        kind: 'task',
        status: 'done',
        hubspotId: '5001',
        ownerId: '61234567',
        doneAt: '2025-01-01T00:01:00.000Z',
      }),
    ]);
    expect(await store.tasksCreatedForOwnerSince('sandbox', '61234567', '2025-01-01')).toBe(1);
    expect((await store.activeRules('sandbox', ['7'])).get('7')).toEqual(
      new Set(['tier-critical']),
    );
    expect((await store.openTracks('sandbox', ['7'])).get('7')).toEqual({});
    // A portal evaluated before tracks existed has had its start: no second baseline.
    expect(await store.playsBaselineAt('sandbox')).not.toBeNull();
    expect(await store.playsBaselineAt('884422')).toBeNull();
    const update = taskUpdateAction({ target: '7:tier-critical:2025-01-01' });
    const [recorded] = await store.recordIntents('sandbox', [update]);
    expect(recorded).toMatchObject({ outcome: 'new', entry: { kind: 'task-update' } });
    await store.close();
  });

  it('migrates a version-9 database to the webhook inbox, keeping all its data', async () => {
    const dataDir = tempDataDir();
    const old = inspect(dataDir);
    migrateSqlite(old, sqliteMigrations.slice(0, 9), 'old', () => new Date());
    old.exec(`
      INSERT INTO company_state VALUES ('sandbox', '7', '{"health_score":"40"}',
        '2025-01-01T00:00:00.000Z', NULL);
      INSERT INTO play_state VALUES ('sandbox', '7', '["tier-critical"]',
        '2025-01-01T00:00:00.000Z', '{}', NULL);
      INSERT INTO portal_flags VALUES ('sandbox', 'plays-baseline', '2025-01-01T00:00:00.000Z');`);
    expect(() => old.prepare('SELECT * FROM webhook_inbox').all()).toThrow(/no such table/);
    old.close();

    const store = await openSqliteStore(dataDir);
    expect(await store.health()).toMatchObject({ schemaVersion: LATEST });
    expect((await store.companyStates('sandbox', ['7'])).get('7')?.properties).toEqual({
      health_score: '40',
    });
    expect((await store.activeRules('sandbox', ['7'])).get('7')).toEqual(
      new Set(['tier-critical']),
    );
    expect(await store.playsBaselineAt('sandbox')).toBe('2025-01-01T00:00:00.000Z');
    expect(await store.receiveEvents('sandbox', [inboxEvent('1')])).toEqual({
      stored: 1,
      duplicates: 0,
    });
    expect(await store.inboxCounts('sandbox')).toMatchObject({ received: 1 });
    await store.close();
  });

  it('migrates a version-11 database to the reports: its history gives the weekly scores at once', async () => {
    const dataDir = tempDataDir();
    const old = inspect(dataDir);
    migrateSqlite(old, sqliteMigrations.slice(0, 11), 'old', () => new Date());
    const week = 7 * 86_400_000;
    const end = Date.parse('2025-06-30T12:00:00.000Z');
    const insert = old.prepare(`INSERT INTO score_history (portal, company_id, scored_at, score,
      tier, coverage, dimensions, model_name, model_version, top_drivers)
      VALUES ('sandbox', ?, ?, ?, 'monitor', 80, '{}', 'm', '1', '')`);
    // A year of weekly readings (more than the packed series keeps), and one lone reading.
    for (let k = 0; k < 52; k++)
      insert.run('7', new Date(end - (51 - k) * week).toISOString(), k === 50 ? null : k);
    insert.run('8', '2025-01-01T00:00:00.000Z', 90);
    old.close();

    const store = await openSqliteStore(dataDir);
    expect(await store.health()).toMatchObject({ schemaVersion: LATEST });
    const at = (k: number) => new Date(end - k * week).toISOString();
    const weekly = await store.weeklyScores('sandbox', 4, at(0));
    expect(weekly.get('7')).toEqual([
      { at: at(3), score: 48 },
      { at: at(2), score: 49 },
      { at: at(1), score: null },
      { at: at(0), score: 51 },
    ]);
    expect(weekly.get('8')).toEqual([{ at: at(3), score: 90 }]);
    // Further back than the migrated series holds: read from the history, the same answer.
    const year = await store.weeklyScores('sandbox', 30, at(0));
    expect(year.get('7')?.[0]).toEqual({ at: at(29), score: 22 });
    await store.close();
  });

  it('refuses a database migrated by a newer Vitals and says what to do', async () => {
    const { store, dataDir, open } = await openTestStore();
    await store.close();
    const db = inspect(dataDir);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')").run();
    db.close();
    await expect(open()).rejects.toMatchObject({
      code: 'schema-too-new',
      message: expect.stringMatching(/version 99.*upgrade Vitals/),
    });
  });

  it('reports itself unhealthy once closed, without throwing', async () => {
    const { store } = await openTestStore();
    await store.close();
    expect(await store.health()).toMatchObject({ ok: false, backend: 'sqlite' });
  });
});
