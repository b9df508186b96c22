import type Database from 'better-sqlite3';
import { isoInstant } from './iso-instant.ts';
import type { OpenTracks, SignalReadings } from '../plays/play-types.ts';
import type { ActiveRules, PlaysBaselineScope } from './store.ts';

interface PlayStateRow {
  company_id: string;
  active_rules: string;
  evaluated_at: string;
  tracks: string | null;
  readings: string | null;
}

const BASELINE = { plays: 'plays-baseline', lifecycle: 'lifecycle-baseline' } as const;

/** Which crossing rules held at each company's last evaluation, on SQLite: synchronous. */
export function sqlitePlayState(db: Database.Database) {
  const select = db.prepare<{ portal: string; ids: string }, PlayStateRow>(`
    SELECT s.company_id, s.active_rules, s.evaluated_at, s.tracks, s.readings
    FROM json_each(@ids) AS ids
    CROSS JOIN play_state AS s ON s.portal = @portal AND s.company_id = ids.value`);
  // An evaluation older than the saved one (a slower process finishing late) changes nothing.
  const upsert = db.prepare(`
    INSERT INTO play_state (portal, company_id, active_rules, evaluated_at, tracks, readings)
    VALUES (@portal, @companyId, @activeRules, @evaluatedAt, @tracks, @readings)
    ON CONFLICT (portal, company_id) DO UPDATE
    SET active_rules = excluded.active_rules, evaluated_at = excluded.evaluated_at,
      tracks = excluded.tracks, readings = excluded.readings
    WHERE excluded.evaluated_at >= play_state.evaluated_at`);

  const flag = db.prepare<{ portal: string; name: string }, { value: string }>(
    'SELECT value FROM portal_flags WHERE portal = @portal AND name = @name',
  );
  const setFlag = db.prepare(`INSERT INTO portal_flags (portal, name, value)
    VALUES (@portal, @name, @value) ON CONFLICT (portal, name) DO NOTHING`);

  return {
    evaluatedAt(portal: string, companyIds: readonly string[]): Map<string, string> {
      const rows = select.all({ portal, ids: JSON.stringify(companyIds) });
      return new Map(rows.map((row) => [row.company_id, row.evaluated_at]));
    },
    get(portal: string, companyIds: readonly string[]): Map<string, Set<string>> {
      const rows = select.all({ portal, ids: JSON.stringify(companyIds) });
      return new Map(
        rows.map((row) => [row.company_id, new Set(JSON.parse(row.active_rules) as string[])]),
      );
    },
    tracks(portal: string, companyIds: readonly string[]): Map<string, OpenTracks> {
      const rows = select.all({ portal, ids: JSON.stringify(companyIds) });
      return new Map(
        rows.map((row) => [
          row.company_id,
          row.tracks ? (JSON.parse(row.tracks) as OpenTracks) : {},
        ]),
      );
    },
    readings(portal: string, companyIds: readonly string[]): Map<string, SignalReadings> {
      const rows = select.all({ portal, ids: JSON.stringify(companyIds) });
      return new Map(
        rows.map((row) => [
          row.company_id,
          row.readings ? (JSON.parse(row.readings) as SignalReadings) : {},
        ]),
      );
    },
    baselineAt(portal: string, scope: PlaysBaselineScope = 'plays'): string | null {
      return flag.get({ portal, name: BASELINE[scope] })?.value ?? null;
    },
    markBaseline(portal: string, at: string, scope: PlaysBaselineScope = 'plays'): void {
      setFlag.run({ portal, name: BASELINE[scope], value: isoInstant(at, 'at') });
    },
    put: db.transaction((portal: string, rows: readonly ActiveRules[]) => {
      for (const row of rows) {
        upsert.run({
          portal,
          companyId: row.companyId,
          activeRules: JSON.stringify([...new Set(row.ruleIds)].sort()),
          evaluatedAt: isoInstant(row.evaluatedAt, 'evaluatedAt'),
          tracks: row.tracks === undefined ? null : JSON.stringify(row.tracks),
          readings: row.readings === undefined ? null : JSON.stringify(row.readings),
        });
      }
    }),
  };
}
