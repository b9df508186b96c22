import type Database from 'better-sqlite3';
import { isoInstant } from './iso-instant.ts';
import type { CompanyState } from './store.ts';

interface StateRow {
  portal: string;
  company_id: string;
  properties: string;
  checked_at: string;
  card: string | null;
}

/** Company state on SQLite: synchronous, so `commitPage` can compose it inside a transaction. */
export function sqliteCompanyState(db: Database.Database) {
  // CROSS JOIN keeps the page's ids as the outer loop: one primary-key seek per company.
  const select = db.prepare<{ portal: string; ids: string }, StateRow>(`
    SELECT s.* FROM json_each(@ids) AS ids
    CROSS JOIN company_state AS s ON s.portal = @portal AND s.company_id = ids.value`);
  const upsert = db.prepare(`
    INSERT INTO company_state (portal, company_id, properties, checked_at, card)
    VALUES (@portal, @companyId, @properties, @checkedAt, @card)
    ON CONFLICT (portal, company_id)
    DO UPDATE SET properties = excluded.properties, checked_at = excluded.checked_at,
      card = COALESCE(excluded.card, company_state.card)`);

  return {
    get(portal: string, companyIds: readonly string[]): Map<string, CompanyState> {
      const rows = select.all({ portal, ids: JSON.stringify(companyIds) });
      return new Map(rows.map((row) => [row.company_id, toState(row)]));
    },
    put: db.transaction((rows: readonly CompanyState[]) => {
      for (const row of rows) {
        upsert.run({
          portal: row.portal,
          companyId: row.companyId,
          properties: JSON.stringify(row.properties),
          checkedAt: isoInstant(row.checkedAt, 'checkedAt'),
          card: row.card === undefined ? null : JSON.stringify(row.card),
        });
      }
    }),
  };
}

function toState(row: StateRow): CompanyState {
  return {
    portal: row.portal,
    companyId: row.company_id,
    properties: JSON.parse(row.properties) as CompanyState['properties'],
    checkedAt: row.checked_at,
    ...(row.card === null ? {} : { card: JSON.parse(row.card) as unknown }),
  };
}
