import type Database from 'better-sqlite3';
import { digestOf } from './card-digest.ts';
import { isoInstant } from './iso-instant.ts';
import type { CompanyState } from './store.ts';

interface StateRow {
  portal: string;
  company_id: string;
  properties: string;
  checked_at: string;
  card: string | null;
  main: string | null;
  drivers: string | null;
}

/** Company state on SQLite: synchronous, so `commitPage` can compose it inside a transaction. */
export function sqliteCompanyState(db: Database.Database) {
  // CROSS JOIN keeps the page's ids as the outer loop: one primary-key seek per company.
  const select = db.prepare<{ portal: string; ids: string }, StateRow>(`
    SELECT s.*, d.main, d.drivers FROM json_each(@ids) AS ids
    CROSS JOIN company_state AS s ON s.portal = @portal AND s.company_id = ids.value
    LEFT JOIN card_digest AS d ON d.portal = s.portal AND d.company_id = s.company_id`);
  const upsert = db.prepare(`
    INSERT INTO company_state (portal, company_id, properties, checked_at, card)
    VALUES (@portal, @companyId, @properties, @checkedAt, @card)
    ON CONFLICT (portal, company_id)
    DO UPDATE SET properties = excluded.properties, checked_at = excluded.checked_at,
      card = COALESCE(excluded.card, company_state.card)`);
  const putDigest = db.prepare(`
    INSERT INTO card_digest (portal, company_id, main, drivers)
    VALUES (@portal, @companyId, @main, @drivers)
    ON CONFLICT (portal, company_id) DO UPDATE SET main = excluded.main, drivers = excluded.drivers`);
  const dropDigest = db.prepare(
    'DELETE FROM card_digest WHERE portal = @portal AND company_id = @companyId',
  );

  return {
    get(portal: string, companyIds: readonly string[]): Map<string, CompanyState> {
      const rows = select.all({ portal, ids: JSON.stringify(companyIds) });
      return new Map(rows.map((row) => [row.company_id, toState(row)]));
    },
    put: db.transaction((rows: readonly CompanyState[]) => {
      for (const row of rows) {
        const key = { portal: row.portal, companyId: row.companyId };
        upsert.run({
          ...key,
          properties: JSON.stringify(row.properties),
          checkedAt: isoInstant(row.checkedAt, 'checkedAt'),
          card: row.card === undefined ? null : JSON.stringify(row.card),
        });
        // The digest goes with the card it was made of: a new card without one (a writer that
        // makes none) leaves no digest of the old card behind.
        if (row.digest)
          putDigest.run({
            ...key,
            main: JSON.stringify(row.digest.main),
            drivers: row.digest.drivers === undefined ? null : JSON.stringify(row.digest.drivers),
          });
        else if (row.card !== undefined) dropDigest.run(key);
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
    ...(row.main === null ? {} : { digest: digestOf(row.main, row.drivers) }),
  };
}
