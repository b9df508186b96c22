import type { OpenTracks, SignalReadings } from '../../plays/play-types.ts';
import { isoInstant } from '../iso-instant.ts';
import type { ActiveRules, PlaysBaselineScope } from '../store.ts';
import type { Queryable } from './pg-client.ts';

const BASELINE = { plays: 'plays-baseline', lifecycle: 'lifecycle-baseline' } as const;

type StateColumn = 'active_rules' | 'evaluated_at' | 'tracks' | 'readings';

/** Which crossing rules held at each company's last evaluation, on PostgreSQL. */
export function pgPlayState(q: Queryable) {
  // One column per read: a page of companies' readings is not fetched to answer its rules.
  const read = async (portal: string, companyIds: readonly string[], column: StateColumn) => {
    const { rows } = await q.query<{ company_id: string; value: string | null }>(
      `SELECT s.company_id, s.${column} AS value
       FROM unnest($2::text[]) WITH ORDINALITY AS ids(company_id, n)
       JOIN play_state AS s ON s.portal = $1 AND s.company_id = ids.company_id
       ORDER BY ids.n`,
      [portal, companyIds],
    );
    return rows;
  };

  return {
    async evaluatedAt(portal: string, companyIds: readonly string[]): Promise<Map<string, string>> {
      const rows = await read(portal, companyIds, 'evaluated_at');
      return new Map(rows.map((row) => [row.company_id, row.value!]));
    },
    async get(portal: string, companyIds: readonly string[]): Promise<Map<string, Set<string>>> {
      const rows = await read(portal, companyIds, 'active_rules');
      return new Map(
        rows.map((row) => [row.company_id, new Set(JSON.parse(row.value!) as string[])]),
      );
    },
    async tracks(portal: string, companyIds: readonly string[]): Promise<Map<string, OpenTracks>> {
      const rows = await read(portal, companyIds, 'tracks');
      return new Map(
        rows.map((row) => [row.company_id, row.value ? (JSON.parse(row.value) as OpenTracks) : {}]),
      );
    },
    async readings(
      portal: string,
      companyIds: readonly string[],
    ): Promise<Map<string, SignalReadings>> {
      const rows = await read(portal, companyIds, 'readings');
      return new Map(
        rows.map((row) => [
          row.company_id,
          row.value ? (JSON.parse(row.value) as SignalReadings) : {},
        ]),
      );
    },
    async baselineAt(portal: string, scope: PlaysBaselineScope = 'plays'): Promise<string | null> {
      const { rows } = await q.query<{ value: string }>(
        'SELECT value FROM portal_flags WHERE portal = $1 AND name = $2',
        [portal, BASELINE[scope]],
      );
      return rows[0]?.value ?? null;
    },
    // The first time counts: a replica marking it later (or again) changes nothing.
    async markBaseline(
      portal: string,
      at: string,
      scope: PlaysBaselineScope = 'plays',
    ): Promise<void> {
      await q.query(
        `INSERT INTO portal_flags (portal, name, value) VALUES ($1, $2, $3)
         ON CONFLICT (portal, name) DO NOTHING`,
        [portal, BASELINE[scope], isoInstant(at, 'at')],
      );
    },
    put: (portal: string, rows: readonly ActiveRules[]) => putPlayStateRows(q, portal, rows),
  };
}

/**
 * Saves each company's active rules, tracks and readings in one statement (in a transaction when
 * `q` is one). An evaluation older than the saved one (a slower process finishing late) changes
 * nothing: under READ COMMITTED, ON CONFLICT re-checks that on the newest row, so of two replicas
 * the later evaluation wins whichever commits last.
 */
export async function putPlayStateRows(
  q: Queryable,
  portal: string,
  rows: readonly ActiveRules[],
): Promise<void> {
  const saved = latestPerCompany(
    rows.map((row) => ({
      companyId: row.companyId,
      activeRules: JSON.stringify([...new Set(row.ruleIds)].sort()),
      evaluatedAt: isoInstant(row.evaluatedAt, 'evaluatedAt'),
      tracks: row.tracks === undefined ? null : JSON.stringify(row.tracks),
      readings: row.readings === undefined ? null : JSON.stringify(row.readings),
    })),
  );
  if (saved.length === 0) return;
  await q.query(
    `INSERT INTO play_state (portal, company_id, active_rules, evaluated_at, tracks, readings)
     SELECT $1, r.company_id, r.active_rules, r.evaluated_at, r.tracks, r.readings
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       AS r(company_id, active_rules, evaluated_at, tracks, readings)
     -- Rows locked in company order, as every writer of play_state locks them: no deadlock.
     ORDER BY r.company_id COLLATE "C"
     ON CONFLICT (portal, company_id) DO UPDATE
     SET active_rules = excluded.active_rules, evaluated_at = excluded.evaluated_at,
       tracks = excluded.tracks, readings = excluded.readings
     WHERE excluded.evaluated_at >= play_state.evaluated_at`,
    [
      portal,
      saved.map((row) => row.companyId),
      saved.map((row) => row.activeRules),
      saved.map((row) => row.evaluatedAt),
      saved.map((row) => row.tracks),
      saved.map((row) => row.readings),
    ],
  );
}

// One INSERT … ON CONFLICT cannot touch a row twice. Of a company given twice, keep what saving
// the rows one by one would leave: the last of its latest evaluations.
function latestPerCompany<T extends { companyId: string; evaluatedAt: string }>(
  rows: readonly T[],
): T[] {
  const kept = new Map<string, T>();
  for (const row of rows) {
    const known = kept.get(row.companyId);
    if (!known || row.evaluatedAt >= known.evaluatedAt) kept.set(row.companyId, row);
  }
  return [...kept.values()];
}
