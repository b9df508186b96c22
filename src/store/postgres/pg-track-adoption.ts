import type pg from 'pg';
import type { OpenTracks } from '../../plays/play-types.ts';
import { actionMarker } from '../action-marker.ts';
import { isoInstant } from '../iso-instant.ts';
import type { TrackAdoption } from '../store.ts';
import { inTransaction, type Queryable } from './pg-client.ts';
import { lockPortalLedger } from './pg-ledger-lock.ts';

const ADOPTED = 'plays-adopted';
const DETAIL =
  'Found open in HubSpot when the store had no record of it: adopted as its track’s task.';
// Adoption is no evaluation: the play state it creates loses to any real one.
const NEVER_EVALUATED = '1970-01-01T00:00:00.000Z';

interface AdoptedTask {
  key: string;
  companyId: string;
  ruleId: string;
  episode: string;
  ownerId: string | null;
  marker: string;
  payload: string;
  hubspotId: string;
  doneAt: string;
}

/** Found tasks back into the ledger and the play state, on PostgreSQL. */
export function pgTrackAdoption(pool: pg.Pool, now: () => Date) {
  return {
    adopt: (portal: string, adoptions: readonly TrackAdoption[], at: string) =>
      inTransaction(pool, async (tx) => {
        // The ledger lock keeps recordIntents and another adoption out while the known ids are
        // read and the tasks written; the play state rows are locked besides, for putActiveRules.
        await lockPortalLedger(tx, portal);
        const ids = adoptions.flatMap((a) => a.tasks.map((t) => t.hubspotId));
        const known = await knownHubspotIds(tx, portal, ids);
        const candidates = adoptions.filter((a) => !a.tasks.some((t) => known.has(t.hubspotId)));
        const tracks = await lockTracks(
          tx,
          portal,
          candidates.map((a) => a.companyId),
        );

        const changed = new Set<string>();
        const tasks: AdoptedTask[] = [];
        for (const adoption of candidates) {
          const open = tracks.get(adoption.companyId)!;
          if (open[adoption.track.kind]) continue;
          for (const { action, hubspotId, createdAt } of adoption.tasks) {
            tasks.push({
              key: action.key,
              companyId: action.companyId,
              ruleId: action.ruleId,
              episode: action.episode,
              ownerId: action.ownerId,
              marker: actionMarker(portal, action.key),
              payload: JSON.stringify(action),
              hubspotId,
              // When the task was made, so it counts against its owner's cap on that day only.
              doneAt: isoInstant(createdAt, 'createdAt'),
            });
          }
          open[adoption.track.kind] = adoption.track;
          changed.add(adoption.companyId);
        }
        const adoptedAt = isoInstant(at, 'at');

        const adopted = await insertDone(tx, portal, tasks, now().toISOString());
        await saveTracks(
          tx,
          portal,
          [...changed].map((companyId) => [companyId, tracks.get(companyId)!] as const),
        );
        await tx.query(
          `INSERT INTO portal_flags (portal, name, value) VALUES ($1, $2, $3)
           ON CONFLICT (portal, name) DO UPDATE SET value = excluded.value`,
          [portal, ADOPTED, adoptedAt],
        );
        return adopted;
      }),
    async adoptedAt(portal: string): Promise<string | null> {
      const { rows } = await pool.query<{ value: string }>(
        'SELECT value FROM portal_flags WHERE portal = $1 AND name = $2',
        [portal, ADOPTED],
      );
      return rows[0]?.value ?? null;
    },
  };
}

async function knownHubspotIds(
  q: Queryable,
  portal: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await q.query<{ hubspot_id: string }>(
    'SELECT hubspot_id FROM action_ledger WHERE portal = $1 AND hubspot_id = ANY($2::text[])',
    [portal, ids],
  );
  return new Set(rows.map((row) => row.hubspot_id));
}

/**
 * Each company's open tracks, its play state row locked until the transaction ends. A company
 * with no row gets one as never evaluated (each will get an adopted track, so none is left
 * empty). One statement in company order, as every writer of play_state locks its rows: the
 * no-op DO UPDATE is what locks and returns a row that exists.
 */
async function lockTracks(
  q: Queryable,
  portal: string,
  companyIds: readonly string[],
): Promise<Map<string, OpenTracks>> {
  if (companyIds.length === 0) return new Map();
  const { rows } = await q.query<{ company_id: string; tracks: string | null }>(
    `INSERT INTO play_state (portal, company_id, active_rules, evaluated_at, tracks, readings)
     SELECT $1, c.id, '[]', $3, NULL, NULL
     FROM (SELECT DISTINCT id FROM unnest($2::text[]) AS ids(id)) AS c
     ORDER BY c.id COLLATE "C"
     ON CONFLICT (portal, company_id) DO UPDATE SET tracks = play_state.tracks
     RETURNING company_id, tracks`,
    [portal, companyIds, NEVER_EVALUATED],
  );
  return new Map(
    rows.map((row) => [row.company_id, row.tracks ? (JSON.parse(row.tracks) as OpenTracks) : {}]),
  );
}

async function insertDone(
  q: Queryable,
  portal: string,
  tasks: readonly AdoptedTask[],
  at: string,
): Promise<number> {
  if (tasks.length === 0) return 0;
  const column = <K extends keyof AdoptedTask>(name: K) => tasks.map((t) => t[name]);
  // A key the ledger has already (or twice in the batch) is not adopted again, nor counted.
  const { rowCount } = await q.query(
    `INSERT INTO action_ledger (portal, key, company_id, rule_id, episode, kind, owner_id, status,
       marker, payload, hubspot_id, detail, created_at, updated_at, done_at)
     SELECT $1, r.key, r.company_id, r.rule_id, r.episode, 'task', r.owner_id, 'done', r.marker,
       r.payload, r.hubspot_id, $2, $3, $3, r.done_at
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
       $10::text[], $11::text[], $12::text[]) WITH ORDINALITY
       AS r(key, company_id, rule_id, episode, owner_id, marker, payload, hubspot_id, done_at, n)
     ORDER BY r.n
     ON CONFLICT (portal, key) DO NOTHING`,
    [
      portal,
      DETAIL,
      at,
      column('key'),
      column('companyId'),
      column('ruleId'),
      column('episode'),
      column('ownerId'),
      column('marker'),
      column('payload'),
      column('hubspotId'),
      column('doneAt'),
    ],
  );
  return rowCount ?? 0;
}

// Only the tracks: an adoption changes neither the rules nor the time of the last evaluation.
async function saveTracks(
  q: Queryable,
  portal: string,
  rows: readonly (readonly [string, OpenTracks])[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `UPDATE play_state AS s SET tracks = r.tracks
     FROM unnest($2::text[], $3::text[]) AS r(id, tracks)
     WHERE s.portal = $1 AND s.company_id = r.id`,
    [portal, rows.map(([id]) => id), rows.map(([, tracks]) => JSON.stringify(tracks))],
  );
}
