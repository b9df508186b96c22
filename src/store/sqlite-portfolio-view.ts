import type Database from 'better-sqlite3';
import { isoInstant } from './iso-instant.ts';

/** The precomputed home-page view per portal, on SQLite: opaque JSON, replaced whole. */
export function sqlitePortfolioView(db: Database.Database) {
  const upsert = db.prepare(`
    INSERT INTO portfolio_view (portal, view, computed_at) VALUES (@portal, @view, @computedAt)
    ON CONFLICT (portal) DO UPDATE SET view = excluded.view, computed_at = excluded.computed_at`);
  const select = db.prepare<{ portal: string }, { view: string; computed_at: string }>(
    'SELECT view, computed_at FROM portfolio_view WHERE portal = @portal',
  );
  return {
    put(portal: string, view: unknown, at: string): void {
      upsert.run({ portal, view: JSON.stringify(view), computedAt: isoInstant(at, 'at') });
    },
    get(portal: string): { view: unknown; computedAt: string } | null {
      const row = select.get({ portal });
      return row ? { view: JSON.parse(row.view) as unknown, computedAt: row.computed_at } : null;
    },
  };
}
