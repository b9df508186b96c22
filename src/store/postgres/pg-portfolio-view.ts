import { isoInstant } from '../iso-instant.ts';
import type { Queryable } from './pg-client.ts';

/** Replaces the portal's precomputed home-page view (opaque JSON, kept as text byte for byte). */
export async function putPortfolioViewRow(
  q: Queryable,
  portal: string,
  view: unknown,
  at: string,
): Promise<void> {
  await q.query(
    `INSERT INTO portfolio_view (portal, view, computed_at) VALUES ($1, $2, $3)
     ON CONFLICT (portal) DO UPDATE SET view = excluded.view, computed_at = excluded.computed_at`,
    [portal, JSON.stringify(view), isoInstant(at, 'at')],
  );
}

/** The portal's home-page view and when it was computed; null before the first. */
export async function portfolioViewRow(
  q: Queryable,
  portal: string,
): Promise<{ view: unknown; computedAt: string } | null> {
  const { rows } = await q.query<{ view: string; computed_at: string }>(
    'SELECT view, computed_at FROM portfolio_view WHERE portal = $1',
    [portal],
  );
  const row = rows[0];
  return row ? { view: JSON.parse(row.view) as unknown, computedAt: row.computed_at } : null;
}
