import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../../src/store/open-sqlite-store.ts';
import type { SignalReadings } from '../../../src/plays/play-types.ts';
import type { ActiveRules } from '../../../src/store/store.ts';
import { storeOnPostgres } from '../../support/postgres-database.ts';
import { openTestStore } from './open-test-store.ts';
import { enrollAction, taskAction } from './planned-action.ts';

const NOW = '2025-03-10T12:00:00.000Z';
const LATER = '2025-03-10T18:00:00.000Z';

const active = (companyId: string, ruleIds: string[], evaluatedAt = NOW): ActiveRules => ({
  companyId,
  ruleIds,
  evaluatedAt,
});

describe('active rules', () => {
  it('tells a company evaluated with no active rule from one never evaluated', async () => {
    const { store } = await openTestStore(NOW);
    await store.putActiveRules('sandbox', [
      active('1', ['tier_critical', 'score_drop_7d', 'tier_critical']),
      active('2', []),
    ]);
    const found = await store.activeRules('sandbox', ['1', '2', '3']);
    expect(found).toEqual(
      new Map([
        ['1', new Set(['score_drop_7d', 'tier_critical'])],
        ['2', new Set()],
      ]),
    );
    expect((await store.activeRules('884422', ['1'])).size).toBe(0);
  });

  it('replaces the rules of an earlier evaluation', async () => {
    const { store } = await openTestStore(NOW);
    await store.putActiveRules('sandbox', [active('1', ['tier_critical'])]);
    await store.putActiveRules('sandbox', [active('1', ['tier_at_risk'], LATER)]);
    expect((await store.activeRules('sandbox', ['1'])).get('1')).toEqual(new Set(['tier_at_risk']));
  });

  it('keeps a later evaluation when an earlier one is saved after it', async () => {
    const { store } = await openTestStore(NOW);
    await store.putActiveRules('sandbox', [active('1', ['tier_at_risk'], LATER)]);
    await store.putActiveRules('sandbox', [active('1', ['tier_critical'], NOW)]);
    expect((await store.activeRules('sandbox', ['1'])).get('1')).toEqual(new Set(['tier_at_risk']));
  });

  it('compares evaluation times as instants, whatever offset they were given in', async () => {
    const { store } = await openTestStore(NOW);
    await store.putActiveRules('sandbox', [active('1', ['a'], '2025-03-10T19:00:00+01:00')]);
    await store.putActiveRules('sandbox', [active('1', ['b'], '2025-03-10T17:30:00Z')]);
    expect((await store.activeRules('sandbox', ['1'])).get('1')).toEqual(new Set(['a']));
  });
});

describe('committing plays', () => {
  it('records the intents and saves the active rules together', async () => {
    const { store } = await openTestStore(NOW);
    await store.recordIntents('sandbox', [taskAction({ companyId: '1' })]);
    const recorded = await store.commitPlays({
      portal: 'sandbox',
      intents: [taskAction({ companyId: '1' }), taskAction({ companyId: '2' })],
      active: [active('1', ['tier_critical']), active('2', ['tier_critical'])],
    });
    expect(recorded.map((r) => [r.entry.companyId, r.outcome])).toEqual([
      ['1', 'existing'],
      ['2', 'new'],
    ]);
    expect((await store.activeRules('sandbox', ['1', '2'])).size).toBe(2);
  });

  it('saves nothing when one intent of the batch is refused', async () => {
    const { store } = await openTestStore(NOW);
    const held = taskAction({ companyId: '1' });
    await store.recordIntents('sandbox', [held]);
    await store.holdAction('sandbox', held.key, 'cap');
    const refused = { ...enrollAction({ companyId: '2' }), kind: 'email' } as unknown as ReturnType<
      typeof enrollAction
    >;
    await expect(
      store.commitPlays({
        portal: 'sandbox',
        intents: [held, taskAction({ companyId: '2' }), refused],
        active: [active('1', ['tier_critical']), active('2', ['tier_critical'])],
      }),
    ).rejects.toThrow(/check constraint/i);
    expect((await store.ledgerForCompany('sandbox', '2')).length).toBe(0);
    expect((await store.heldActions('sandbox')).map((e) => e.key)).toEqual([held.key]);
    expect((await store.activeRules('sandbox', ['1', '2'])).size).toBe(0);
  });

  it('records no intent when saving the active rules fails after them', async () => {
    const { store } = await openTestStore(NOW);
    await expect(
      store.commitPlays({
        portal: 'sandbox',
        intents: [taskAction({ companyId: '1' })],
        active: [active('1', ['tier_critical']), active('2', [], 'not a time')],
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await store.unfinishedActions('sandbox')).toEqual([]);
    expect((await store.activeRules('sandbox', ['1'])).size).toBe(0);
  });

  // Reaches into the SQLite file itself (a trigger from a second connection), so it runs on
  // SQLite only; the next case does the same on PostgreSQL.
  it.skipIf(storeOnPostgres())(
    'rolls the ledger back when SQLite fails part-way through',
    async () => {
      const { store, dataDir } = await openTestStore(NOW);
      // Another connection makes every write of play state fail, as a full disk would.
      const other = new Database(join(dataDir, SQLITE_FILE_NAME));
      other.exec(`CREATE TRIGGER fail_play_state BEFORE INSERT ON play_state
      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
      const commit = {
        portal: 'sandbox',
        intents: [taskAction({ companyId: '1' }), taskAction({ companyId: '2' })],
        active: [active('1', ['tier_critical'])],
      };
      await expect(store.commitPlays(commit)).rejects.toThrow(/disk I\/O error/);
      expect(await store.unfinishedActions('sandbox')).toEqual([]);

      other.exec('DROP TRIGGER fail_play_state');
      other.close();
      const recorded = await store.commitPlays(commit);
      expect(recorded.map((r) => r.outcome)).toEqual(['new', 'new']);
    },
  );

  it.runIf(storeOnPostgres())(
    'rolls the ledger back when PostgreSQL fails part-way through',
    async () => {
      const { store, databaseUrl } = await openTestStore(NOW);
      // Another connection makes every write of play state fail, as a full disk would.
      const other = new pg.Client({ connectionString: databaseUrl! });
      await other.connect();
      try {
        await other.query(`CREATE FUNCTION fail_play_state() RETURNS trigger LANGUAGE plpgsql
          AS $$ BEGIN RAISE EXCEPTION 'disk I/O error'; END $$;
          CREATE TRIGGER fail_play_state BEFORE INSERT ON play_state
          FOR EACH ROW EXECUTE FUNCTION fail_play_state()`);
        const commit = {
          portal: 'sandbox',
          intents: [taskAction({ companyId: '1' }), taskAction({ companyId: '2' })],
          active: [active('1', ['tier_critical'])],
        };
        await expect(store.commitPlays(commit)).rejects.toThrow(/disk I\/O error/);
        expect(await store.unfinishedActions('sandbox')).toEqual([]);

        await other.query('DROP TRIGGER fail_play_state ON play_state');
        const recorded = await store.commitPlays(commit);
        expect(recorded.map((r) => r.outcome)).toEqual(['new', 'new']);
      } finally {
        await other.end();
      }
    },
  );
});

describe('signal readings', () => {
  it('saves the readings with the active rules and reads them back per company', async () => {
    const { store } = await openTestStore(NOW);
    const readings: SignalReadings = { mrr: [{ at: '2025-03-03T00:00:00.000Z', value: 1200 }] };
    await store.putActiveRules('sandbox', [
      { ...active('1', ['tier_critical']), readings },
      active('2', []),
    ]);
    expect(await store.signalReadings('sandbox', ['3', '2', '1'])).toEqual(
      new Map<string, SignalReadings>([
        ['2', {}],
        ['1', readings],
      ]),
    );
    expect([...(await store.signalReadings('sandbox', ['2', '1'])).keys()]).toEqual(['2', '1']);
    expect((await store.signalReadings('884422', ['1'])).size).toBe(0);
  });
});

describe('one company twice in one call', () => {
  it('keeps what saving the rows in turn would: the last of the latest evaluations', async () => {
    const { store } = await openTestStore(NOW);
    await store.putActiveRules('sandbox', [
      active('1', ['a'], LATER),
      active('1', ['b'], NOW),
      active('1', ['c'], LATER),
      active('2', ['a'], NOW),
      active('2', ['b'], LATER),
    ]);
    const found = await store.activeRules('sandbox', ['1', '2']);
    expect(found).toEqual(
      new Map([
        ['1', new Set(['c'])],
        ['2', new Set(['b'])],
      ]),
    );
  });
});
