import type Database from 'better-sqlite3';
import { isoInstant } from './iso-instant.ts';
import type { ActiveRules } from './store.ts';

interface PlayStateRow {
  company_id: string;
  active_rules: string;
}

/** Which crossing rules held at each company's last evaluation, on SQLite: synchronous. */
export function sqlitePlayState(db: Database.Database) {
  const select = db.prepare<{ portal: string; ids: string }, PlayStateRow>(`
    SELECT s.company_id, s.active_rules FROM json_each(@ids) AS ids
    CROSS JOIN play_state AS s ON s.portal = @portal AND s.company_id = ids.value`);
  // An evaluation older than the saved one (a slower process finishing late) changes nothing.
  const upsert = db.prepare(`
    INSERT INTO play_state (portal, company_id, active_rules, evaluated_at)
    VALUES (@portal, @companyId, @activeRules, @evaluatedAt)
    ON CONFLICT (portal, company_id) DO UPDATE
    SET active_rules = excluded.active_rules, evaluated_at = excluded.evaluated_at
    WHERE excluded.evaluated_at >= play_state.evaluated_at`);

  return {
    get(portal: string, companyIds: readonly string[]): Map<string, Set<string>> {
      const rows = select.all({ portal, ids: JSON.stringify(companyIds) });
      return new Map(
        rows.map((row) => [row.company_id, new Set(JSON.parse(row.active_rules) as string[])]),
      );
    },
    put: db.transaction((portal: string, rows: readonly ActiveRules[]) => {
      for (const row of rows) {
        upsert.run({
          portal,
          companyId: row.companyId,
          activeRules: JSON.stringify([...new Set(row.ruleIds)].sort()),
          evaluatedAt: isoInstant(row.evaluatedAt, 'evaluatedAt'),
        });
      }
    }),
  };
}
